import { builder } from '../../src/builder.js';
import { ForbiddenError, ValidationError } from '../../src/errors.js';
import { Removed } from '../../src/schema/ids.js';

/**
 * A query field that declares only ValidationError and can be made to throw an error it does not declare. Imported
 * before the app, so the schema this test file's app builds has it; no other test file (nor schema.graphql) sees it.
 */
builder.queryField('errorProbe', (t) =>
  t.field({
    type: Removed,
    errors: { types: [ValidationError] },
    args: { undeclared: t.arg.boolean({ required: true }) },
    resolve: (_root, { undeclared }) => {
      if (undeclared) throw new ForbiddenError('the probe refused for a reason no client may read');
      throw new ValidationError('probe', 'the probe refused as it declares');
    },
  }),
);
