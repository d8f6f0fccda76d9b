#!/usr/bin/env python3
"""Build marsad/resources/actors.tsv and marsad/resources/heads.tsv from the
curated tables in tools/actor_tables/ (TSV, `#` comment lines, a header row).

`python tools/build_actors.py` checks the tables (their columns, unique ids and
head forms, PLOVER sectors, ISO3 codes of the states table, kinds) and, when
they pass, rewrites both files; `--check` only checks and compares the files
it would write with the shipped ones. The tables were curated by hand,
cross-checked against (read-only, not redistributed):
  * events/oeda-arabic_dictionaries/actor_dict_ar_v5.txt (MIT, (c) 2018 OEDA) -
    used as a checklist of persons/organisations; its lemmatised, machine-
    translated entries were NOT copied blindly;
  * events/oeda-petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt
    (MIT, (c) 2014 Open Event Data) - English names / sector codes;
  * gazetteers/world_cities_ar_en (CC BY 4.0, jamsshhayd/world-cities-translations)
    - Arabic capital names;
  * corpora/* (2013-2018 Arabic news) - mined for frequent title+name bigrams and
    for spelling variants (corpora text is not shipped).
Matching conventions (folding, clitics) follow marsad/resources/FORMATS.md: we
list genuinely different spellings only, never pure folding variants.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, 'marsad', 'resources')
TABLES = os.path.join(ROOT, 'tools', 'actor_tables')
# table -> its columns, in order
COLUMNS = {
    'states.tsv': ('iso3', 'name_en', 'names_ar', 'capitals_ar', 'nisba_ar', 'plural_nisba_ar', 'region'),
    'extra_norp.tsv': ('iso3', 'forms_ar'),
    'skip_aliases.tsv': ('alias_ar', 'why'),
    'state_institutions.tsv': ('id', 'kind', 'name_en', 'country', 'sector', 'aliases_ar'),
    'persons.tsv': ('name_en', 'country', 'sector', 'aliases_ar'),
    'groups.tsv': ('id', 'name_en', 'country', 'sector', 'aliases_ar'),
    'igos.tsv': ('id', 'name_en', 'country', 'sector', 'aliases_ar'),
    'heads.tsv': ('heads_ar', 'kind', 'sector', 'name_en', 'role'),
}
# PLOVER sectors and international codes (plover_ontology.json of PLOVER manual draft 0.8, CC BY-SA 4.0)
SECTORS = frozenset('COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP '
                    'PRE REL SOC IGO UNO EUR NGO ISM IMG MNC'.split())
KINDS = frozenset(('GPE', 'ORG', 'PER', 'NORP', 'LOC', 'MISC'))
HEAD_KINDS = frozenset(('PER', 'ORG'))
HEAD_ROLES = frozenset(('', 'statement', 'source', 'victim'))
REGIONS = frozenset(('', 'M', 'P'))


class TableError(ValueError):
    """A curated table breaks a rule: the message names the file and line."""


def read_table(name):
    """The rows of a curated table as dicts, with their line numbers (`_line`)."""
    rows, header = [], None
    with open(os.path.join(TABLES, name), encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cells = line.split('\t')
            if header is None:
                header = tuple(cells)
                if header != COLUMNS[name]:
                    raise TableError(f'{name}:{n}: columns {header}, expected {COLUMNS[name]}')
                continue
            if len(cells) != len(header):
                raise TableError(f'{name}:{n}: {len(cells)} cells, expected {len(header)}')
            row = dict(zip(header, (c.strip() for c in cells)))
            row['_line'] = n
            rows.append(row)
    return rows


def check_tables(tables):
    """Every rule a table must keep; raises TableError on the first break."""
    def fail(name, row, msg):
        raise TableError(f'{name}:{row["_line"]}: {msg}')

    isos = set()
    for row in tables['states.tsv']:
        if not re.fullmatch(r'[A-Z]{3}', row['iso3']) or row['iso3'] in isos:
            fail('states.tsv', row, f'ISO3 code {row["iso3"]!r} malformed or repeated')
        isos.add(row['iso3'])
        if not row['name_en'] or not split(row['names_ar']):
            fail('states.tsv', row, 'a state needs an English and an Arabic name')
        if row['region'] not in REGIONS:
            fail('states.tsv', row, f'region {row["region"]!r} is none of M, P or empty')
    for row in tables['extra_norp.tsv']:
        if row['iso3'] not in isos:
            fail('extra_norp.tsv', row, f'ISO3 code {row["iso3"]!r} is no state of states.tsv')
    ids = set()
    for name in ('state_institutions.tsv', 'persons.tsv', 'groups.tsv', 'igos.tsv'):
        for row in tables[name]:
            aid = row.get('id') or f'PER-{slug(row["name_en"])}'
            if aid in ids:
                fail(name, row, f'id {aid} repeated')
            ids.add(aid)
            if row['country'] and row['country'] not in isos:
                fail(name, row, f'country {row["country"]!r} is no ISO3 code of states.tsv')
            if row['sector'] not in SECTORS:
                fail(name, row, f'sector {row["sector"]!r} is no PLOVER sector')
            if row.get('kind', 'ORG') not in KINDS:
                fail(name, row, f'kind {row["kind"]!r} unknown')
            if not row['name_en'] or not split(row['aliases_ar']):
                fail(name, row, 'a row needs an English name and Arabic aliases')
    heads = set()
    roles = {}
    for row in tables['heads.tsv']:
        for form in split(row['heads_ar']):
            if form in heads:
                fail('heads.tsv', row, f'head {form} repeated')
            heads.add(form)
        if row['kind'] not in HEAD_KINDS or row['sector'] and row['sector'] not in SECTORS:
            fail('heads.tsv', row, f'kind {row["kind"]!r} or sector {row["sector"]!r} unknown')
        if row['role'] not in HEAD_ROLES or roles.setdefault(row['name_en'], row['role']) != row['role']:
            fail('heads.tsv', row, f'role {row["role"]!r} unknown or not the one of the other {row["name_en"]} rows')


def load_tables():
    tables = {name: read_table(name) for name in COLUMNS}
    check_tables(tables)
    return tables


def split(s):
    return [a.strip() for a in s.split('|') if a.strip()]


def join_variants(alias):
    """عبد الله -> عبدالله, أبو بكر -> أبوبكر, نصر الله -> نصرالله (and back)."""
    toks = alias.split()
    out = {alias}
    # joined forms
    j, i = [], 0
    changed = False
    while i < len(toks):
        if toks[i] in ('عبد', 'أبو') and i + 1 < len(toks):
            j.append(toks[i] + toks[i + 1]); i += 2; changed = True
        elif i + 1 < len(toks) and toks[i + 1] == 'الله' and toks[i] not in ('حزب', 'أنصار', 'آية', 'ضيف'):
            j.append(toks[i] + 'الله'); i += 2; changed = True
        else:
            j.append(toks[i]); i += 1
    if changed and len(j) >= 1:
        out.add(' '.join(j))
    return out


def nisba_forms(stem, plural):
    """stem: masc. sing. without article (may be multi-word: كوري شمالي)."""
    w = stem.split()
    m = ' '.join(w)
    f = ' '.join(x + 'ة' for x in w)
    m_al = ' '.join('ال' + x for x in w)
    f_al = ' '.join('ال' + x + 'ة' for x in w)
    forms = [m, f, m_al, f_al]
    if plural == '-':
        pass
    elif plural:
        forms += split(plural)
    else:
        forms += [' '.join(x + 'ون' for x in w), ' '.join(x + 'ين' for x in w),
                  ' '.join('ال' + x + 'ون' for x in w), ' '.join('ال' + x + 'ين' for x in w)]
    return forms, m_al, f_al


def slug(name):
    s = re.sub(r"[^A-Za-z0-9]+", '_', name.replace("'", '')).strip('_').upper()
    return s


def build(tables):
    extra_norp = {r['iso3']: r['forms_ar'] for r in tables['extra_norp.tsv']}
    skip_aliases = {r['alias_ar'] for r in tables['skip_aliases.tsv']}
    rows = []  # (id, kind, name_en, country, sector, aliases(list), source)
    PH = 'curated; cross-checked with PLOVER/Phoenix country dict (MIT)'
    for st_row in tables['states.tsv']:
        iso, en, names, caps, nis, pl, reg = (st_row[c] for c in COLUMNS['states.tsv'])
        rows.append((f'{iso}-GOV', 'GPE', en, iso, 'GOV', split(names), PH))
        if caps:
            rows.append((f'{iso}-GOV', 'GPE', en, iso, 'GOV', split(caps),
                         'capital as metonym; curated, checked against world_cities_ar_en (CC BY 4.0)'))
        main = split(names)[0]
        gov_org = [f'حكومة {main}']
        mil = [f'جيش {main}']
        cop, spy, leg = [], [], []
        if nis:
            forms = []
            for st in split(nis):
                fs, m_al, f_al = nisba_forms(st, pl)
                forms += fs
                gov_org += [f'الحكومة {f_al}', f'وزارة الخارجية {f_al}', f'الخارجية {f_al}',
                            f'السلطات {f_al}', f'الرئاسة {f_al}', f'الدبلوماسية {f_al}']
                mil += [f'الجيش {m_al}', f'القوات {f_al}', f'القوات المسلحة {f_al}',
                        f'وزارة الدفاع {f_al}', f'سلاح الجو {m_al}', f'القوات الجوية {f_al}',
                        f'البحرية {f_al}', f'القوات البحرية {f_al}', f'هيئة الأركان {f_al}',
                        f'الدفاع {f_al}']
                cop += [f'الشرطة {f_al}', f'وزارة الداخلية {f_al}']
                leg += [f'البرلمان {m_al}']
                if reg in ('M', 'P'):
                    cop += [f'قوات الأمن {f_al}', f'الأجهزة الأمنية {f_al}', f'أجهزة الأمن {f_al}',
                            f'الداخلية {f_al}', f'الأمن {m_al}']
                    spy += [f'المخابرات {f_al}', f'الاستخبارات {f_al}', f'جهاز المخابرات {m_al}',
                            f'جهاز الاستخبارات {m_al}', f'أجهزة المخابرات {f_al}',
                            f'أجهزة الاستخبارات {f_al}', f'الاستخبارات العسكرية {f_al}']
                if reg == 'M':
                    leg += [f'مجلس النواب {m_al}']
            forms += split(extra_norp.get(iso, ''))
            rows.append((f'{iso}-GOV', 'NORP', en, iso, 'GOV', forms,
                         'nisba forms generated from curated stem'))
        elif iso in extra_norp:
            rows.append((f'{iso}-GOV', 'NORP', en, iso, 'GOV', split(extra_norp[iso]), 'curated'))
        src = 'generated from curated country table (nisba + institution head)'
        rows.append((f'{iso}-GOV', 'ORG', en, iso, 'GOV', gov_org, src))
        rows.append((f'{iso}-MIL', 'ORG', f'Military of {en}', iso, 'MIL', mil, src))
        if cop:
            rows.append((f'{iso}-COP', 'ORG', f'Police of {en}', iso, 'COP', cop, src))
        if spy:
            rows.append((f'{iso}-SPY', 'ORG', f'Intelligence of {en}', iso, 'SPY', spy, src))
        if leg and reg in ('M', 'P'):
            rows.append((f'{iso}-LEG', 'ORG', f'Parliament of {en}', iso, 'LEG', leg, src))
    for row in tables['state_institutions.tsv']:
        i, k, en, c, s, al = (row[c] for c in COLUMNS['state_institutions.tsv'])
        rows.append((i, k, en, c, s, split(al), 'curated (oeda actor_dict_ar_v5 / Phoenix as checklist)'))
    for row in tables['persons.tsv']:
        en, c, s, al = (row[c] for c in COLUMNS['persons.tsv'])
        als = []
        for a in split(al):
            for v in sorted(join_variants(a)):
                if v not in als:
                    als.append(v)
        rows.append((f'PER-{slug(en)}', 'PER', en, c, s, als,
                     'corpora mining (title+name n-grams, 2013-2018 news); curated'))
    for row in tables['groups.tsv']:
        i, en, c, s, al = (row[c] for c in COLUMNS['groups.tsv'])
        rows.append((i, 'ORG', en, c, s, split(al),
                     'curated; cross-checked with Phoenix.MilNonState (MIT) and corpora'))
    for row in tables['igos.tsv']:
        i, en, c, s, al = (row[c] for c in COLUMNS['igos.tsv'])
        rows.append((i, 'ORG', en, c, s, split(al),
                     'curated; cross-checked with Phoenix.International (MIT) and corpora'))
    # merge rows with same (id, kind): dedupe aliases, drop skip list
    merged = collections.OrderedDict()
    for i, k, en, c, s, al, src in rows:
        key = (i, k)
        if key not in merged:
            merged[key] = [i, k, en, c, s, [], src]
        for a in al:
            a = re.sub(r'\s+', ' ', a).strip()
            if a in skip_aliases and not i.startswith('GRP-'):
                continue
            if a not in merged[key][5]:
                merged[key][5].append(a)
    return list(merged.values())


HEADER_ACTORS = """# Marsad actor base (generated by tools/build_actors.py - edit the tables there, not this file).
# Format: see FORMATS.md. Aliases are matched after folding and clitic stripping.
# Credits / data used for curation (nothing copied verbatim unless stated):
#  - openeventdata/arabic_dictionaries actor_dict_ar_v5.txt, (c) 2018 Open Event Data Alliance, MIT licence:
#    used as a checklist of actors and codes (machine-translated, lemmatised; curated by hand).
#  - openeventdata/petrarch2 Phoenix.Countries/International/MilNonState actor dictionaries, (c) 2014 Open Event Data, MIT:
#    English names and CAMEO/PLOVER sector assignments.
#  - jamsshhayd/world-cities-translations (Wikidata labels), CC BY 4.0: Arabic capital-city names (checked).
#  - Person names and spelling variants mined from Arabic news corpora (Al Arabiya, Sky News Arabia, BBC, CNN, France 24
#    via ANT corpus; SaudiNewsNet; Jawhara FM), 2013-2018; only the names (facts) are kept, no text.
#  - PLOVER sector codes: PLOVER manual (CC BY-SA 4.0), facts only.
# Kosovo uses the user-assigned code XKX (no ISO 3166-1 code). Surnames alone are listed only where distinctive.
"""

HEADER_HEADS = """# Marsad titles and head nouns (generated by tools/build_actors.py).
# Curated by hand from the Arabic news corpora and the oeda agents.all.ar_v4.txt agent dictionary
# ((c) 2018 Open Event Data Alliance, MIT) / Phoenix.agents.txt (MIT) as checklists; PLOVER sectors.
"""


def validate(rows):
    errs = []
    info = {}
    amap = collections.defaultdict(set)
    for i, k, en, c, s, al, src in rows:
        if not all([i, k, en, s, al, src]):
            errs.append(f'empty field in {i} {k}')
        if i in info and info[i] != (en, c, s):
            errs.append(f'inconsistent id {i}: {info[i]} vs {(en, c, s)}')
        info[i] = (en, c, s)
        if k not in ('GPE', 'ORG', 'PER', 'NORP', 'LOC', 'MISC'):
            errs.append(f'bad kind {k}')
        if c and not re.fullmatch(r'[A-Z]{3}', c):
            errs.append(f'bad country {c} in {i}')
        for a in al:
            if '\t' in a or '|' in a:
                errs.append(f'bad alias {a!r}')
            amap[fold(a)].add(i)
    amb = {a: ids for a, ids in amap.items() if len(ids) > 1}
    return errs, amb


_DIA = re.compile('[\u064B-\u0652\u0640\u0670]')


def fold(s):
    s = _DIA.sub('', s)
    for a, b in (('أ', 'ا'), ('إ', 'ا'), ('آ', 'ا'), ('ٱ', 'ا'), ('ى', 'ي'), ('ة', 'ه'), ('ؤ', 'و'), ('ئ', 'ي')):
        s = s.replace(a, b)
    return s


HEAD_SOURCE = 'curated (corpora titles; oeda agents / Phoenix agents as checklist)'


def actors_text(rows):
    lines = [HEADER_ACTORS, 'id\tkind\tname_en\tcountry\tsector\taliases_ar\tsource\n']
    lines += ['\t'.join([i, k, en, c, s, '|'.join(al), src]) + '\n' for i, k, en, c, s, al, src in rows]
    return ''.join(lines)


def heads_text(tables):
    lines = [HEADER_HEADS, 'head_ar\tkind\tsector\tname_en\trole\tsource\n']
    for row in tables['heads.tsv']:
        for form in split(row['heads_ar']):
            lines.append('\t'.join([form, row['kind'], row['sector'], row['name_en'], row['role'], HEAD_SOURCE]) + '\n')
    return ''.join(lines)


def main(argv):
    try:
        tables = load_tables()
    except TableError as e:
        print('ERROR', e, file=sys.stderr)
        return 1
    rows = build(tables)
    errs, amb = validate(rows)
    for e in errs:
        print('ERROR', e, file=sys.stderr)
    outputs = {'actors.tsv': actors_text(rows), 'heads.tsv': heads_text(tables)}
    print(f'actors rows={len(rows)} heads={outputs["heads.tsv"].count(chr(10)) - 4} errors={len(errs)} '
          f'ambiguous aliases={len(amb)}', file=sys.stderr)
    if '-v' in argv:
        for a, ids in sorted(amb.items()):
            print('AMBIGUOUS', a, sorted(ids), file=sys.stderr)
    if errs:
        return 1
    for name, text in outputs.items():
        target = os.path.join(RES, name)
        if '--check' in argv:
            with open(target, encoding='utf-8') as fh:
                if fh.read() != text:
                    print(f'ERROR {name} differs from what the tables compile to: run tools/build_actors.py',
                          file=sys.stderr)
                    return 1
        else:
            with open(target, 'w', encoding='utf-8') as fh:
                fh.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
