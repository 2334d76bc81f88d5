-- macro: a claim's text as a short label a reader can take in at a glance: the clause, trimmed of a
-- leading relative pronoun or conjunction (`qui a tué le général iranien Qassem Soleimani` → `A tué le
-- général iranien Qassem Soleimani`), of what follows its first subordinate clause (`Les tensions en Irak
-- étaient en hausse depuis fin décembre, lorsqu'une attaque…` → `… depuis fin décembre`), of quotation
-- marks and dangling punctuation, and cut on a word boundary past 90 characters (used by the timeline
-- and disputes views: a label is always words of the text, never an event key). `claim_label(text,
-- subject_text)` puts back the subject the clause leaves out (`claims.subject_text`: `une attaque de drone
-- américaine` + `qui a tué le général…` → `Une attaque de drone américaine a tué le général…`).
create or replace macro clause_trim(clause) as
    regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(regexp_replace(trim(clause), '["«»“”]', '', 'g'), '\s+', ' ', 'g'),
                -- a leading relative pronoun or conjunction, and leading punctuation
                '^[\s,;:.()\-–—…]*(?:(?:qui|que|dont|où|et|mais|car|puis|or|lorsque|quand|si)\s+'
                || '|(?:qu|lorsqu|puisqu|quoiqu)[''’]\s*|(?:après|avant|alors|tandis|parce|bien)\s+qu(?:e\s+|[''’]\s*))?',
                '', 'i'),
            -- what follows the first subordinate or participle clause, an aside or a list, past 25 characters
            '^(.{25,}?)(?:,\s+(?:qui|que|qu[''’]|dont|où|lorsqu[''’]|lorsque|quand|alors|tandis|mais|car|puis|'
            || 'tuant|faisant|ajoutant|affirmant|précisant|laissant|selon|avant|après|afin|pour)\b|\s*[;(]|\s+[–—]\s).*$',
            '\1', 's'),
        '[\s,;:.()\-–—…]+$', '');

create or replace macro clause_label(clause) as
    case when length(clause_trim(clause)) = 0 then null else
        upper(left(clause_trim(clause), 1))
        || case when length(clause_trim(clause)) <= 90 then substr(clause_trim(clause), 2)
                else regexp_replace(substr(clause_trim(clause), 2, 88), '[\s,;:.()\-–—…]*\s+\S*$', '') || '…' end
    end;

-- the words a label is taken from: the clause, after the subject it leaves out when the claim names one
create or replace macro claim_words(clause, subject) as
    case when subject is null or length(trim(subject)) = 0 then clause
         else trim(subject) || ' ' || clause_trim(clause) end;

create or replace macro claim_label(clause, subject) as clause_label(claim_words(clause, subject));

-- a label (as clause_label writes it, its first letter capitalised) that opens on a form of avoir or être before a
-- word in lower case, its subject missing (`A tué le général…`, `Se sont rendus à Bagdad`; not `A Paris, …`):
-- another claim of the same event reads better
create or replace macro lacks_subject(label) as
    regexp_matches(coalesce(label, ''),
        '^(?:A|Ont|Avai(?:t|ent)|Aur(?:a|ont|ait|aient)|Eu(?:t|rent)|Est|Sont|Étai(?:t|ent)|Ser(?:a|ont|ait|aient)|'
        || 'Fu(?:t|rent)|S[''’](?:est|était|étaient)|Se\s+(?:sont|seront|seraient))\s+[a-zà-ÿœ]');
