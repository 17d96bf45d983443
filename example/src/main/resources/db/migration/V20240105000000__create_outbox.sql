create table outbox (
    customer_id integer primary key,
    template    varchar(50) not null
);
