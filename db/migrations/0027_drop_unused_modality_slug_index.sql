-- Nothing reads the modality links by modality (searches and the modality pages read
-- therapists.modality_slugs and its bits), and modalities are only ever added or updated (never
-- deleted, db/setup.ts), so the foreign key to modalities never looks links up by slug. The
-- index only cost every listing edit a write and every large load a rebuild (4.5 s of a
-- 1,000,000-therapist load's index builds: docs/benchmarks.md).
DROP INDEX "therapist_modalities_slug_idx";
