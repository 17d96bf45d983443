create table customers (id int primary key, name varchar(100) not null);
create table greetings (customer_id int primary key, text varchar(200) not null);
create table outbox (customer_id int primary key, message varchar(200) not null);
insert into customers (id, name) values (1, 'Ada');
insert into customers (id, name) values (2, 'Grace');
