-- The demo data named two provincial offices "... tỉnh tỉnh Gia Lai" (their short names already end in
-- "tỉnh"). Only demo agencies are touched; a name an administrator typed is theirs.
update agency_name n
   set name = replace(n.name, ' tỉnh tỉnh Gia Lai', ' tỉnh Gia Lai')
  from agency a
 where a.id = n.agency_id
   and a.demo
   and n.name like '% tỉnh tỉnh Gia Lai';
