import { builder } from '../builder.js';
import type { DemoDatabase as DemoDatabaseShape } from '../embedded/demo.js';

const DemoDatabase = builder.objectRef<DemoDatabaseShape>('DemoDatabase').implement({
  description: 'The seeded database in the embedded cluster: connect it with `connectDatabase` and no password.',
  fields: (t) => ({
    host: t.exposeString('host'),
    port: t.exposeInt('port'),
    database: t.exposeString('database'),
    role: t.exposeString('role'),
  }),
});

builder.queryField('demoDatabase', (t) =>
  t.field({
    type: DemoDatabase,
    nullable: true,
    description: 'For admins: the ready demo database of the embedded default, or null.',
    resolve: (_root, _args, context) => (context.viewer?.user.isAdmin ? context.demo : null),
  }),
);
