create table notes (id integer primary key, body varchar(100) not null);
