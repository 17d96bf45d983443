create table broken (id int primary key);
insert into nowhere values (1);
