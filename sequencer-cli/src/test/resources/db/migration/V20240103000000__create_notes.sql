create table notes (id int primary key, text varchar(200) not null);
create table outbox (id int primary key, template varchar(50) not null);
