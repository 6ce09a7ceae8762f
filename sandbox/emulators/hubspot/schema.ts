// One SQLite schema for everything the HubSpot emulator keeps. Ids come from AUTOINCREMENT
// sequences seeded high, so they look like HubSpot's and never collide across portals.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS portals (id TEXT PRIMARY KEY, domain TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  token TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh', 'code')),
  portal_id TEXT NOT NULL REFERENCES portals(id),
  user_id TEXT,
  scopes TEXT NOT NULL,
  expires_at INTEGER,
  redirect_uri TEXT,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS objects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portal_id TEXT NOT NULL REFERENCES portals(id),
  type TEXT NOT NULL,
  properties TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS objects_by_portal_type ON objects (portal_id, type, id);
CREATE TABLE IF NOT EXISTS property_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  object_id INTEGER NOT NULL REFERENCES objects(id),
  name TEXT NOT NULL,
  value TEXT,
  at INTEGER NOT NULL,
  source_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_object ON property_history (object_id, name);
CREATE TABLE IF NOT EXISTS associations (
  portal_id TEXT NOT NULL,
  from_type TEXT NOT NULL,
  from_id INTEGER NOT NULL,
  to_type TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  type_id INTEGER NOT NULL,
  PRIMARY KEY (from_id, to_id, type_id)
);
CREATE INDEX IF NOT EXISTS associations_by_from ON associations (portal_id, from_type, from_id, to_type);
CREATE TABLE IF NOT EXISTS property_definitions (
  portal_id TEXT NOT NULL,
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (portal_id, object_type, name)
);
CREATE TABLE IF NOT EXISTS property_groups (
  portal_id TEXT NOT NULL,
  object_type TEXT NOT NULL,
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  PRIMARY KEY (portal_id, object_type, name)
);
CREATE TABLE IF NOT EXISTS pipelines (
  portal_id TEXT NOT NULL,
  object_type TEXT NOT NULL,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (portal_id, object_type, id)
);
CREATE TABLE IF NOT EXISTS owners (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portal_id TEXT NOT NULL REFERENCES portals(id),
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'objects', 30000000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'objects');
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'owners', 70000000 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'owners');
`;
