create table tags (id integer primary key, name varchar(100) not null);
