create table partition_effects (partition_key varchar(100) not null, note varchar(200));
create table running_now (partition_key varchar(100) not null);
create table overlap (seen integer not null);
