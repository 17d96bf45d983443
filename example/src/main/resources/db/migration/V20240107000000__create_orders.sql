create table orders (
    id         integer primary key,
    quantity   integer not null,
    unit_price integer not null,
    total      integer
);

-- 5,000 orders whose total the partitioned backfill computes
insert into orders (id, quantity, unit_price)
with recursive n(i) as (select 0 union all select i + 1 from n where i < 999)
select a.i * 5 + b.i + 1, 1 + mod(a.i * 5 + b.i, 7), 100 + mod(a.i * 5 + b.i, 50)
from n a cross join (select 0 as i union all select 1 union all select 2 union all select 3 union all select 4) b;
