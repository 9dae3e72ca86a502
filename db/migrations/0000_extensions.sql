-- drizzle-kit does not emit CREATE EXTENSION; the tables after this need all three.
-- cube + earthdistance: indexed radius search (ll_to_earth, earth_box, <->).
-- pg_trgm: typo-tolerant name search.
CREATE EXTENSION IF NOT EXISTS cube;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
