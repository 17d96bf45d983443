create table items (id integer primary key, name varchar(100) not null);
