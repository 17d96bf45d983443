-- How many greetings existed when this migration ran: 2 when the operation of 2024_01_02 ran before it.
create table greeting_snapshot as select count(*) as greetings from greetings;
