"""Grid responsibility and household visits (分片包干, 入户走访; G01-G05).

One module per glossary term: ``area`` (网格/片区, owner and covering partner), ``household`` (户,
members, key-person tags, household codes and lookup), ``household_visit`` (入户走访, its cadres
and needs turned into matters of the visit register), ``pairing`` (结对帮扶 / 联系帮带), ``diary``
(民情日记 and its G05 deadlines) and ``quota`` (each cadre's progress against G03/G04).
"""
