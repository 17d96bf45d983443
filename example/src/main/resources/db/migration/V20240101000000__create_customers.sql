create table customers (
    id    integer primary key,
    email varchar(200) not null,
    name  varchar(200) not null
);
