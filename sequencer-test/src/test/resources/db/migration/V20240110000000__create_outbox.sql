create table outbox (
    account_id integer primary key,
    template   varchar(50) not null
);
