import { lexicographicSortSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './errors.js';
import './user.js';
import './auth.js';
import './database.js';
import './database-viewer.js';
import './role-configuration.js';
import './collaborator.js';
import './invitation.js';
import './demo.js';
import './catalog.js';
import './role.js';
import './role-search.js';
import './objects.js';
import './permissions.js';
import './effective.js';
import './effective-matrix.js';
import './access.js';
import './access-gaps.js';
import './viewer-role.js';
import './events.js';
import './event-families.js';

builder.queryType({});
builder.mutationType({});

export const schema = lexicographicSortSchema(builder.toSchema());
