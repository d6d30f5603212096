import { batch, createEffect, createSignal, For, type JSX, Show, untrack } from 'solid-js';
import { ChangeOutcome } from '../../../components/ChangeOutcome';
import { Dialog } from '../../../components/Dialog';
import { PUBLIC_OPTION, RoleCombobox } from '../../../components/RoleCombobox';
import { graphql } from '../../../gql';
import type { DesiredGrantInput } from '../../../gql/graphql';
import { mutate } from '../../../graphql/client';
import {
  changedDrafts,
  type Draft,
  draftsOf,
  granteeOffers,
  kindPrivilegesOf,
  type Note,
  type Offer,
  objectFingerprint,
} from '../../../lib/permission-model';
import { changeOf, createPreviewedChange } from '../../../lib/previewed-change';
import { ColumnGrants, createTableColumns } from './ColumnGrants';
import { GranteeRow } from './GranteeRow';
import { OwnershipTransfer } from './OwnershipTransfer';
import { SchemaBulkGrant } from './SchemaBulkGrant';
import { granteeName, NEEDS_PREVIEW, type PermissionDialogProps, type SecurableView } from './securable';
import { WhoCanAccess } from './WhoCanAccess';

export type { PermissionDialogProps, SchemaTableView, SecurableView } from './securable';

const SetPrivileges = graphql(`
  mutation SetPrivileges(
    $databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean, $previewToken: String
  ) {
    setPrivileges(
      databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun, previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

/** The changed grants, with the offers accepted, for this state of the object: Apply sends exactly what was previewed. */
interface GrantsInput {
  key: string;
  grants: DesiredGrantInput[];
}

interface OfferState {
  grantee: string | null;
  offer: Offer;
  reason: string;
  accepted: boolean;
}

const OFFER_LABELS: Record<Offer, string> = {
  SCHEMA_USAGE: 'Also grant USAGE on the schema',
  SEQUENCE_USAGE: 'Also grant USAGE on the sequences',
  REVOKE_SCHEMA_USAGE: 'Also revoke USAGE on the schema',
};

function denyReason(props: PermissionDialogProps): string {
  if (props.missing) return 'This object no longer exists.';
  return `Your role (${props.viewerRole ?? 'none'}) cannot change privileges here: it neither owns this object nor holds a grant option.`;
}

/**
 * Owner, grants per role with presets, PUBLIC, grant option, transfer of ownership: previewed as SQL before it runs.
 * It needs no list of the server's roles: its pickers search them.
 */
export function PermissionDialog(props: PermissionDialogProps): JSX.Element {
  const [base, setBase] = createSignal(untrack(() => props.object));
  const [drafts, setDrafts] = createSignal<Draft[]>(draftsOf(untrack(() => props.object.grants)));
  const [offers, setOffers] = createSignal<OfferState[]>([]);
  const [applied, setApplied] = createSignal<string | null>(null);

  const original = () => draftsOf(base().grants);
  const ofKind = () => kindPrivilegesOf(props.privilegesByKind, props.object);
  const order = () => ofKind()?.privileges ?? [];
  const canChange = () => props.object.viewerCan.changePrivileges && !props.missing;
  const grants = () => changedDrafts(original(), drafts());
  const accepted = () => offers().filter((offer) => offer.accepted);
  const inputKey = () =>
    JSON.stringify([
      objectFingerprint(props.object),
      grants(),
      accepted().map((offer) => [offer.grantee, offer.offer]),
    ]);
  const stale = () => props.missing || objectFingerprint(props.object) !== objectFingerprint(base());

  const reload = () =>
    batch(() => {
      setBase(props.object);
      setDrafts(draftsOf(props.object.grants));
      setOffers([]);
      change.clear();
    });
  const change = createPreviewedChange<GrantsInput>({
    run: async (input, mode) =>
      changeOf(
        await mutate(SetPrivileges, {
          databaseId: props.databaseId,
          object: props.object.ref,
          grants: input.grants,
          ...mode,
        }),
      ),
    reread: async () => props.onApplied?.(),
    onPreviewed: (previewed, input) => {
      if (input.key === inputKey()) setOffers(offersAfter(previewed.notes));
    },
    onApplied: (done) => {
      reload();
      setApplied(`Applied ${done.sql.length} statement${done.sql.length === 1 ? '' : 's'}.`);
    },
  });
  const input = (): GrantsInput => ({ key: inputKey(), grants: grantsInput() });
  const current = () => (change.previewed(input()) ? change.preview() : null);
  // Nothing of the user's to lose: follow the server silently. With unsaved edits the notice below asks first.
  createEffect(() => {
    if (stale() && !props.missing && grants().length === 0 && !change.busy()) untrack(reload);
  });

  const update = (index: number, next: Draft) =>
    batch(() => {
      setDrafts((all) => all.map((draft, position) => (position === index ? next : draft)));
      setOffers([]);
      change.clear();
      setApplied(null);
    });
  const addGrantee = (grantee: string | null) =>
    batch(() => {
      setDrafts((all) => [...all, { grantee, privileges: [], grantable: [] }]);
      change.clear();
      setApplied(null);
    });
  const setAccepted = (target: OfferState, on: boolean) =>
    batch(() => {
      setOffers((all) => all.map((offer) => (offer === target ? { ...offer, accepted: on } : offer)));
      change.clear();
    });

  const acceptedFor = (grantee: string | null, offer: Offer) =>
    accepted().some((item) => item.grantee === grantee && item.offer === offer);
  /** The changed grants, each with the extra USAGE its grantee's accepted offers ask for. */
  const grantsInput = (): DesiredGrantInput[] =>
    grants().map((draft) => ({
      ...draft,
      withSchemaUsage: acceptedFor(draft.grantee, 'SCHEMA_USAGE'),
      withSequenceUsage: acceptedFor(draft.grantee, 'SEQUENCE_USAGE'),
      withoutSchemaUsage: acceptedFor(draft.grantee, 'REVOKE_SCHEMA_USAGE'),
    }));
  /** Accepted offers no longer warn (their USAGE is in the SQL): they stay listed, ticked, beside the new ones. */
  const offersAfter = (notes: readonly Note[]): OfferState[] => {
    const found = granteeOffers(notes).map((offer) => ({ ...offer, accepted: false }));
    return [...accepted(), ...found.filter((offer) => !acceptedFor(offer.grantee, offer.offer))];
  };

  // A table's columns, each with its own grants: its dialog takes this one's place until it is closed.
  const tableRef = () => {
    const ref = props.object.ref;
    return ref.kind === 'TABLE' && !props.missing ? { schema: ref.schema ?? '', name: ref.name ?? '' } : null;
  };
  const [columnsRead, setColumnsRead] = createSignal(0);
  const table = createTableColumns(
    () => props.databaseId,
    tableRef,
    () => `${columnsRead()}|${objectFingerprint(props.object)}`,
  );
  const columns = () => (table.columns.error ? undefined : table.columns.latest);
  const [column, setColumn] = createSignal<SecurableView | null>(null);
  const openColumn = () => columns()?.find((shown) => shown.ref.column === column()?.ref.column);

  const listedRoles = () => drafts().flatMap((draft) => (draft.grantee === null ? [] : [draft.grantee]));

  return (
    <Show
      when={column()}
      fallback={
        <Dialog title={`Permissions of ${props.object.label}`} onClose={props.onClose} wide>
          <p>
            Owner: <strong data-testid="owner">{props.object.owner?.name ?? '—'}</strong>
          </p>
          <Show when={stale() && (props.missing || grants().length > 0)}>
            <p class="notice stale" role="alert" data-testid="stale-notice">
              {props.missing
                ? `${props.object.label} was dropped while you were editing.`
                : `${props.object.label} changed while you were editing — reload to start from what is true now (your unsaved changes are discarded).`}{' '}
              <Show when={!props.missing}>
                <button type="button" class="small" onClick={() => reload()}>
                  Reload
                </button>
              </Show>
            </p>
          </Show>
          <Show when={!canChange()}>
            <p class="notice">
              {denyReason(props)} {props.object.viewerCan.reason}
            </p>
          </Show>
          <Show when={canChange() && props.object.viewerCan.grantablePrivileges.length < order().length}>
            <p class="muted">
              Greyed-out privileges: your role holds no grant option for them, so it cannot grant or revoke them here.
            </p>
          </Show>
          <table class="grants">
            <thead>
              <tr>
                <th>Grantee</th>
                <th>Access</th>
                <th>Privileges (★ = with grant option)</th>
              </tr>
            </thead>
            <tbody>
              <For each={drafts()}>
                {(draft, index) => (
                  <GranteeRow
                    presets={ofKind()?.presets ?? []}
                    draft={draft}
                    order={order()}
                    canChange={canChange()}
                    grantable={props.object.viewerCan.grantablePrivileges}
                    reason={denyReason(props)}
                    onChange={(next) => update(index(), next)}
                  />
                )}
              </For>
            </tbody>
          </table>
          <div class="row">
            <RoleCombobox
              databaseId={props.databaseId}
              label="Add a grantee"
              showLabel
              value=""
              onChange={(name) => addGrantee(name === PUBLIC_OPTION.value ? null : name)}
              filter={{ predefined: false }}
              exclude={listedRoles()}
              extraOptions={drafts().some((draft) => draft.grantee === null) ? [] : [PUBLIC_OPTION]}
              placeholder="Type a role's name…"
              disabled={!canChange()}
              title={canChange() ? undefined : denyReason(props)}
            />
            <button
              type="button"
              onClick={() => void change.runPreview(input())}
              disabled={!canChange() || change.busy() || grants().length === 0}
              title={canChange() ? (grants().length === 0 ? 'Change something first.' : undefined) : denyReason(props)}
            >
              Preview SQL
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => void change.apply(input())}
              disabled={!current() || change.busy()}
              title={current() ? undefined : NEEDS_PREVIEW}
            >
              Apply
            </button>
          </div>
          <Show when={offers().length > 0}>
            <div class="offers" data-testid="offers">
              <For each={offers()}>
                {(offer) => (
                  <label class="offer">
                    <input
                      type="checkbox"
                      aria-label={`${OFFER_LABELS[offer.offer]} to ${granteeName(offer.grantee)}`}
                      checked={offer.accepted}
                      onChange={(event) => setAccepted(offer, event.currentTarget.checked)}
                    />{' '}
                    {OFFER_LABELS[offer.offer]} to {granteeName(offer.grantee)}
                    <span class="warning">⚠ {offer.reason}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
          <ChangeOutcome preview={current()} done={applied()} error={change.error()} />
          <Show when={!props.missing}>
            <WhoCanAccess databaseId={props.databaseId} object={props.object} />
          </Show>
          <Show when={props.object.ref.kind === 'SCHEMA' && !props.missing}>
            <SchemaBulkGrant {...props} schema={props.object.ref.name ?? ''} />
          </Show>
          <Show when={tableRef()}>
            <ColumnGrants
              columns={columns()}
              error={table.columns.error ? (table.columns.error as Error).message : null}
              onOpen={setColumn}
            />
          </Show>
          {/* A column belongs to its table's owner: ownership moves with the table. */}
          <Show when={props.object.ref.kind !== 'COLUMN'}>
            <OwnershipTransfer {...props} />
          </Show>
        </Dialog>
      }
    >
      {(snapshot) => (
        <PermissionDialog
          databaseId={props.databaseId}
          object={openColumn() ?? snapshot()}
          missing={props.missing || (columns() !== undefined && openColumn() === undefined)}
          privilegesByKind={props.privilegesByKind}
          schemaTables={[]}
          viewerRole={props.viewerRole}
          onClose={() => setColumn(null)}
          onApplied={() => {
            setColumnsRead((count) => count + 1);
            return props.onApplied?.();
          }}
        />
      )}
    </Show>
  );
}
