create table effects (op_name varchar(191) not null);
