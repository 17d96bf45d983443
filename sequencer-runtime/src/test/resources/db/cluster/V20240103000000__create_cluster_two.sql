create table cluster_two (id integer primary key);
