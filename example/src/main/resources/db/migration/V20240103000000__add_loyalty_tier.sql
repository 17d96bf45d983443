alter table customers add column tier varchar(20);
