import { brandWithType } from '@pothos/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { myInvitationsWhere } from '../operations/invitations.js';
import { requireViewer } from '../policy/capabilities.js';
import { ApiToken } from './auth.js';
import { Collaborator } from './collaborator.js';
import { Database, Server, visibleWhere } from './database.js';
import { Invitation } from './invitation.js';
import { ConfiguredRole } from './role-configuration.js';
import { User } from './user.js';

type Lookup = (context: Context, id: string) => Promise<object | null>;

/**
 * Each type's own visibility rule, the same its guarded queries apply: whatever the viewer could not reach through
 * them is null here, exactly like an id that names nothing.
 */
const LOOKUPS: Record<string, { type: object; find: Lookup }> = {
  Database: {
    type: Database,
    find: (context, id) => context.metadata.database.findFirst({ where: { id, ...visibleWhere(context) } }),
  },
  Server: {
    type: Server,
    find: (context, id) =>
      context.metadata.server.findFirst({ where: { id, databases: { some: visibleWhere(context) } } }),
  },
  Collaborator: {
    type: Collaborator,
    find: (context, id) => context.metadata.collaborator.findFirst({ where: { id, database: visibleWhere(context) } }),
  },
  Invitation: {
    type: Invitation,
    find: async (context, id) =>
      context.metadata.invitation.findFirst({
        where: { id, OR: [{ database: visibleWhere(context) }, await myInvitationsWhere(context)] },
      }),
  },
  User: {
    type: User,
    find: (context, id) => {
      const { user } = requireViewer(context.viewer);
      return user.isAdmin || user.id === id
        ? context.metadata.user.findUnique({ where: { id } })
        : Promise.resolve(null);
    },
  },
  ApiToken: {
    type: ApiToken,
    find: (context, id) =>
      context.metadata.apiToken.findFirst({ where: { id, userId: requireViewer(context.viewer).user.id } }),
  },
  ConfiguredRole: {
    type: ConfiguredRole,
    // Configured roles are listed to admins (and offered to managers per database, through roleOffers).
    find: (context, id) =>
      requireViewer(context.viewer).user.isAdmin
        ? context.metadata.configuredRole.findUnique({ where: { id } })
        : Promise.resolve(null),
  },
};

/** The types node(id:) finds: every type with a global id (schema.test.ts checks none is missing). */
export const NODE_TYPES = Object.keys(LOOKUPS);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decoded(globalId: string): { typename: string; id: string } | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return UUID.test(id) ? { typename, id } : null;
  } catch {
    return null;
  }
}

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      'Any object by its global id, if the viewer may see it (each type keeps its own rule); null when signed out, and for one they may not see, one that does not exist or an id that is not one.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context) => {
      if (!context.viewer) return null;
      const target = decoded(String(args.id));
      const lookup = target && Object.hasOwn(LOOKUPS, target.typename) ? LOOKUPS[target.typename] : undefined;
      if (!target || !lookup) return null;
      const row = await lookup.find(context, target.id);
      if (row) brandWithType(row, lookup.type as never);
      return row;
    },
  }),
);
