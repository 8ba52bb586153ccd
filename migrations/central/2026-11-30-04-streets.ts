import { sql, type Kysely } from 'kysely';

// The street dictionary for addresses at intake (P§8.1, P§12.2): the streets of a locality from the
// GUS TERYT ULIC register, with lowercase diacritics-free search keys the importer fills, so that
// "piotrk" or "zeromskiego" finds a street by an index prefix scan.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('street')
    /** SIMC id of the locality (SYM), e.g. 0958503 for Łódź. */
    .addColumn('sym', 'text', (c) => c.notNull())
    /** TERYT street id (SYM_UL), unique within a locality. */
    .addColumn('sym_ul', 'text', (c) => c.notNull())
    /** The commune: WOJ + POW + GMI + RODZ_GMI, e.g. 1061011. */
    .addColumn('terc', 'text', (c) => c.notNull())
    /** The kind as TERYT writes it: ul., al., pl., rondo, … ("inne" when the name says it). */
    .addColumn('cecha', 'text', (c) => c.notNull())
    .addColumn('nazwa_1', 'text', (c) => c.notNull())
    .addColumn('nazwa_2', 'text')
    /** As displayed and stored in addresses: "ul. Piotrkowska", "al. Tadeusza Kościuszki". */
    .addColumn('name', 'text', (c) => c.notNull())
    /** The main name (NAZWA_1), lowercase without diacritics: prefix search. */
    .addColumn('search_name', 'text', (c) => c.notNull())
    /** The full name without the kind (NAZWA_2 NAZWA_1), lowercase without diacritics: word-prefix and contains search. */
    .addColumn('search_full', 'text', (c) => c.notNull())
    /** The register's state date (STAN_NA). */
    .addColumn('stan_na', 'date')
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('street_pk', ['sym', 'sym_ul'])
    .execute();
  // text_pattern_ops: LIKE 'prefix%' uses the index whatever the database's collation.
  await sql`create index street_search_name on street (search_name text_pattern_ops)`.execute(db);
  await sql`create index street_search_full on street (search_full text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('street').execute();
}
