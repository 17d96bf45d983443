create table effects (name varchar(200) not null, note varchar(200));
create table markers (name varchar(200) not null, note varchar(200));
