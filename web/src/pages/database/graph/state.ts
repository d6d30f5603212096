import { createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import { layoutGraph, NODE_HEIGHT, nodeWidth } from '../../../lib/graph-layout';
import { formatCount } from '../../../lib/numbers';
import {
  EMPTY_GRAPH,
  graphView,
  mergeNeighbourhood,
  type Neighbourhood,
  nextPage,
  PER_ROLE,
  type RoleGraph,
  summaryLabel,
  type ViewNode,
} from '../../../lib/role-graph';
import { readNeighbourhood, readServerGraph, readViewerRole } from './data';

/**
 * Groups above and members below the role shown first, one step each way: a second step down a group of groups
 * would draw PER_ROLE × PER_ROLE boxes. Expanding a node goes further.
 */
const DEPTH = 1;
/** The whole server is drawn only while it stays this narrow; wider than this no view of it can be read. */
const MAX_SERVER_WIDTH = 6_000;

/** One request whose answer makes part of the graph: the role shown first, or a node expanded. */
interface PartRequest {
  name: string;
  depth: number;
  perRole: number;
}

/** The key of the first request; expansions are keyed by role name, which is never empty. */
const CENTER = '';

export const labelOf = (node: ViewNode) => (node.kind === 'role' ? node.id : summaryLabel(node));

export const badgeOf = (node: ViewNode) =>
  node.kind === 'role' && node.hiddenMembers + node.hiddenGroups > 0
    ? `+${formatCount(node.hiddenMembers + node.hiddenGroups)}`
    : '';

/**
 * The view of a graph and its layout: boxes sized to their labels (and badges), laid out by dagre. The "+N more"
 * nodes go first, so that among many members they land in the first row, right under their group.
 */
export function drawing(graph: RoleGraph, summaries: boolean) {
  const view = graphView(graph, summaries);
  const boxes = view.nodes.map((node) => ({
    id: node.id,
    width: nodeWidth(labelOf(node), badgeOf(node)),
    height: NODE_HEIGHT,
  }));
  const isRole = (index: number) => view.nodes[index]?.kind === 'role';
  const summariesFirst = [...boxes.filter((_, index) => !isRole(index)), ...boxes.filter((_, index) => isRole(index))];
  const layout = layoutGraph(summariesFirst, view.edges);
  return { ...view, layout };
}

/**
 * What the role graph shows and how it got there: the neighbourhood of one role (the one asked for, else the
 * viewer's) merged with the neighbourhoods of the nodes expanded since, or the whole server. Each part is read again
 * when `version` changes; an answer older than the one already shown for the same part is dropped.
 */
export function createRoleGraphState(props: {
  databaseId: () => string;
  version: () => number;
  role: () => string | null;
}) {
  const [parts, setParts] = createSignal<ReadonlyMap<string, { stamp: number; part: Neighbourhood }>>(new Map());
  const [center, setCenter] = createSignal<string | null>(null);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [wholeServer, setWholeServer] = createSignal<RoleGraph | null>(null);
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const requests = new Map<string, PartRequest>();
  // A new centre (or database) starts a new generation: answers to the previous one's requests are dropped.
  let generation = 0;
  let stamp = 0;

  const neighbourhood = createMemo(() =>
    [...parts().values()]
      .sort((a, b) => a.stamp - b.stamp)
      .reduce((graph, { part }) => mergeNeighbourhood(graph, part), EMPTY_GRAPH),
  );
  const graph = () => wholeServer() ?? neighbourhood();
  const drawn = createMemo(() => drawing(graph(), !wholeServer()));

  async function readPart(key: string, request: PartRequest, inGeneration: number): Promise<void> {
    const mine = ++stamp;
    const part = await readNeighbourhood(props.databaseId(), request.name, request.depth, request.perRole);
    if (inGeneration !== generation) return;
    setParts((current) => {
      const older = current.get(key);
      if (older && older.stamp > mine) return current;
      return new Map(current).set(key, { stamp: mine, part });
    });
  }

  function dropPart(key: string): void {
    requests.delete(key);
    setParts((current) => {
      const next = new Map(current);
      next.delete(key);
      return next;
    });
  }

  /** Reads every part shown again; a role expanded that no longer exists is dropped, the first role's error shown. */
  async function reread(): Promise<void> {
    const inGeneration = generation;
    setLoading(true);
    const outcomes = await Promise.allSettled(
      [...requests].map(([key, request]) =>
        readPart(key, request, inGeneration).catch((failure) => {
          if (key === CENTER) throw failure;
          if (inGeneration === generation) dropPart(key);
        }),
      ),
    );
    if (inGeneration !== generation) return;
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    setError(failed ? (failed.reason as Error).message : null);
    setLoading(false);
  }

  function showNeighbourhood(name: string): void {
    generation++;
    requests.clear();
    requests.set(CENTER, { name, depth: DEPTH, perRole: PER_ROLE });
    setParts(new Map());
    setWholeServer(null);
    setCenter(name);
    void reread();
  }

  /** Adds the role's groups and members (or the next page of them) to the graph. */
  function expand(name: string): void {
    const request = { name, depth: 1, perRole: nextPage(graph(), name) };
    requests.set(name, request);
    const inGeneration = generation;
    setLoading(true);
    readPart(name, request, inGeneration)
      .then(() => setError(null))
      .catch((failure: Error) => setError(failure.message))
      .finally(() => inGeneration === generation && setLoading(false));
  }

  async function readWholeServer(): Promise<void> {
    const inGeneration = generation;
    setLoading(true);
    try {
      const answer = await readServerGraph(props.databaseId());
      if (inGeneration !== generation) return;
      if ('refused' in answer) return refuse(answer.refused);
      const width = drawing(answer.graph, false).layout.width;
      if (width > MAX_SERVER_WIDTH)
        return refuse(
          `The whole server would be ${formatCount(Math.round(width))} px wide, too wide to read: the graph shows one role's neighbourhood.`,
        );
      setRefusal(null);
      setWholeServer(answer.graph);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      if (inGeneration === generation) setLoading(false);
    }
  }

  function refuse(reason: string): void {
    setRefusal(reason);
    setWholeServer(null);
  }

  function toggleWholeServer(): void {
    if (!wholeServer()) return void readWholeServer();
    const name = center() ?? selected();
    if (name) showNeighbourhood(name);
    else setWholeServer(null);
  }

  let shownDatabase: string | null = null;
  // The role asked for: one clicked in the graph is already selected there and stays where it is (so clicking around
  // keeps the graph and what was expanded); one chosen elsewhere (the Roles list) is shown with its neighbourhood. No
  // role: the viewer's.
  createEffect(
    on([props.databaseId, props.role], ([databaseId, role]) => {
      if (databaseId !== shownDatabase) {
        shownDatabase = databaseId;
        generation++;
        setCenter(null);
        setParts(new Map());
        setWholeServer(null);
      }
      const clickedInGraph = role !== null && untrack(selected) === role && untrack(graph).roles.has(role);
      setSelected(role);
      if (role !== null) {
        if (!clickedInGraph) showNeighbourhood(role);
        return;
      }
      if (untrack(center) !== null) return;
      const inGeneration = generation;
      readViewerRole(databaseId)
        .then((name) => {
          if (inGeneration !== generation) return;
          if (name !== null) showNeighbourhood(name);
          else setError('Choose a role to see its graph: you work through no role on this database.');
        })
        .catch((failure: Error) => setError(failure.message));
    }),
  );
  createEffect(
    on(
      props.version,
      () => {
        if (untrack(wholeServer)) void readWholeServer();
        else void reread();
      },
      { defer: true },
    ),
  );

  return {
    graph,
    drawn,
    center,
    selected,
    setSelected,
    loading,
    error,
    refusal,
    wholeServer: () => wholeServer() !== null,
    showNeighbourhood,
    expand,
    toggleWholeServer,
  };
}
