create table posts (id integer primary key, user_id integer not null, title varchar(100) not null);
