create table cluster_four (id integer primary key);
