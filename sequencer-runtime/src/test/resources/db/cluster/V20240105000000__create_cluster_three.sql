create table cluster_three (id integer primary key);
