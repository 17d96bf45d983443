create table accounts (
    id    integer primary key,
    email varchar(200),
    plan  varchar(20) not null
);
create table steps (
    step_number integer primary key
);
