create table items (id int primary key, name varchar(50) not null);
-- A row here makes the operation of that name fail (tests switch failures on per database).
create table switches (name varchar(50) primary key);
