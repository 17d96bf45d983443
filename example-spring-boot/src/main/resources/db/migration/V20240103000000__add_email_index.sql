-- Unique only once the operation of 2024_01_02 has lower-cased the addresses.
create unique index customers_email on customers (email);
create table outbox (customer_id int primary key, message varchar(200) not null);
