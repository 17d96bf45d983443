create table cluster_five (id integer primary key);
