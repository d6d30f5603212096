-- Events follow one payload type per family (server/src/events/payloads.ts): a created schema names its object
-- like every other object event, and the per-grantee list of setPrivileges gives way to the grantees and the ACL
-- before and after, which every privilege event carries.
UPDATE "Event"
   SET "payload" = ("payload" - 'schema') || jsonb_build_object('object', "payload"->'schema', 'objectKind', 'SCHEMA')
 WHERE "kind" = 'schema.created' AND "payload" ? 'schema';

UPDATE "Event"
   SET "payload" = ("payload" - 'grants')
                   || jsonb_build_object('grantees', (SELECT coalesce(jsonb_agg(g->'grantee'), '[]'::jsonb)
                                                        FROM jsonb_array_elements("payload"->'grants') g))
 WHERE "kind" = 'privileges.changed' AND jsonb_typeof("payload"->'grants') = 'array';
