create table customers (id int primary key, email varchar(200) not null, name varchar(100) not null);
insert into customers (id, email, name) values (1, 'Ada@Example.com', 'Ada');
insert into customers (id, email, name) values (2, 'GRACE@example.com', 'Grace');
insert into customers (id, email, name) values (3, 'linus@example.com', 'Linus');
