import path from 'node:path';
import ts from 'typescript';

/**
 * Which typed errors each GraphQL resolver's code can raise, read from the source with the TypeScript checker: a
 * function raises every error class it constructs (`new XError`), a `new` through a variable typed as an error class
 * raises that class and its subclasses, and a function raises what every function it calls or references raises.
 * Bodies the program does not hold (libraries, interface methods) add nothing, so the answer is what our own code can
 * raise. Resolvers are found as the `resolve` of a field's options, named by the property or `queryField` name.
 */
export interface RaisableErrors {
  /** `Parent.field` → the error class names its resolver can raise. */
  byField: Map<string, Set<string>>;
  /** Every class that extends RolecallError. */
  errorClasses: Set<string>;
}

type FunctionLike = ts.FunctionLikeDeclaration;

const ERROR_BASE = 'RolecallError';

export function raisableErrors(root: string): RaisableErrors {
  const program = programOf(root);
  const checker = program.getTypeChecker();
  const sources = program
    .getSourceFiles()
    .filter((file) => file.fileName.startsWith(path.join(root, 'server/src')) && !file.isDeclarationFile);

  const errorClassDeclarations = collectErrorClasses(sources, checker);
  const subclassesOf = subclassIndex(errorClassDeclarations, checker);
  const direct = new Map<ts.Node, Set<string>>();
  const edges = new Map<ts.Node, Set<ts.Node>>();

  for (const file of sources) {
    const visit = (node: ts.Node, owner: ts.Node): void => {
      // A property's initializer (`readonly roles = memo(() => …)`, a DataLoader) runs when the property is used.
      const current = isFunctionLike(node) || isInitializedProperty(node) ? node : owner;
      if (isFunctionLike(node)) link(edges, owner, current);
      if (ts.isNewExpression(node)) raiseFrom(node, current);
      if (ts.isObjectLiteralExpression(node)) implementInterface(node);
      if (ts.isClassDeclaration(node)) implementInterfaces(node);
      if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isIdentifier(node)) referTo(node, current);
      ts.forEachChild(node, (child) => visit(child, current));
    };
    ts.forEachChild(file, (child) => visit(child, file));
  }

  function raiseFrom(node: ts.NewExpression, owner: ts.Node): void {
    const constructed = classOfConstructor(node.expression, checker);
    if (!constructed || !errorClassDeclarations.has(constructed)) return;
    const named = ts.isIdentifier(node.expression) && node.expression.text === constructed;
    const raised = named ? [constructed] : [constructed, ...(subclassesOf.get(constructed) ?? [])];
    const set = direct.get(owner) ?? new Set<string>();
    for (const name of raised) set.add(name);
    direct.set(owner, set);
  }

  /** An object literal typed by an interface: a call through the interface's member can run the literal's function. */
  function implementInterface(literal: ts.ObjectLiteralExpression): void {
    const contextual = checker.getContextualType(literal);
    if (!contextual) return;
    for (const property of literal.properties) {
      const body = ts.isPropertyAssignment(property) ? property.initializer : property;
      const member = property.name && contextual.getProperty(property.name.getText());
      if (member && isFunctionLike(body))
        for (const signature of memberSignatures(member)) link(edges, signature, body);
    }
  }

  function implementInterfaces(declaration: ts.ClassDeclaration): void {
    const implemented = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ImplementsKeyword);
    for (const type of implemented?.types ?? []) {
      const contract = checker.getTypeAtLocation(type);
      for (const method of declaration.members.filter(ts.isMethodDeclaration)) {
        const member = contract.getProperty(method.name.getText());
        if (member) for (const signature of memberSignatures(member)) link(edges, signature, method);
      }
    }
  }

  function referTo(node: ts.Node, owner: ts.Node): void {
    for (const target of declarationsReferredBy(node, checker)) link(edges, owner, target);
    if (ts.isNewExpression(node)) keepFunctions(node);
  }

  /**
   * A function handed to a constructor is kept by the object and run later by its methods, through the parameter.
   * (A function handed to a plain call runs on the caller's behalf: the caller already reaches it.)
   */
  function keepFunctions(call: ts.NewExpression): void {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    if (!declaration || !ts.isConstructorDeclaration(declaration) || inLibrary(declaration)) return;
    (call.arguments ?? []).forEach((argument, index) => {
      const parameter = declaration.parameters[index];
      if (!parameter) return;
      const passed = isFunctionLike(argument) ? [argument] : declarationsReferredBy(argument, checker);
      for (const target of passed) link(edges, parameter, target);
    });
  }

  const raisable = closure(direct, edges);
  const byField = new Map<string, Set<string>>();
  for (const file of sources.filter((source) => source.fileName.includes('/schema/'))) {
    for (const { field, resolver } of resolversIn(file)) {
      const set = byField.get(field) ?? new Set<string>();
      for (const name of raisable.get(resolver) ?? []) set.add(name);
      byField.set(field, set);
    }
  }
  return { byField, errorClasses: new Set(errorClassDeclarations.keys()) };
}

function programOf(root: string): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram([path.join(root, 'server/src/main.ts')], parsed.options);
}

function isFunctionLike(node: ts.Node): node is FunctionLike {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

function link(edges: Map<ts.Node, Set<ts.Node>>, from: ts.Node, to: ts.Node): void {
  const set = edges.get(from) ?? new Set<ts.Node>();
  set.add(to);
  edges.set(from, set);
}

/** Class name → its declaration, for every class whose chain of `extends` reaches RolecallError. */
function collectErrorClasses(
  sources: readonly ts.SourceFile[],
  checker: ts.TypeChecker,
): Map<string, ts.ClassDeclaration> {
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const file of sources) {
    ts.forEachChild(file, function visit(node) {
      if (ts.isClassDeclaration(node) && node.name && extendsRolecallError(node, checker)) {
        classes.set(node.name.text, node);
      }
      ts.forEachChild(node, visit);
    });
  }
  return classes;
}

function baseClassOf(node: ts.ClassDeclaration, checker: ts.TypeChecker): ts.ClassDeclaration | null {
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = heritage?.types[0]?.expression;
  if (!expression) return null;
  const declaration = resolvedSymbol(expression, checker)?.declarations?.[0];
  return declaration && ts.isClassDeclaration(declaration) ? declaration : null;
}

function extendsRolecallError(node: ts.ClassDeclaration, checker: ts.TypeChecker): boolean {
  for (let base = baseClassOf(node, checker); base; base = baseClassOf(base, checker)) {
    if (base.name?.text === ERROR_BASE) return true;
  }
  return false;
}

function subclassIndex(classes: Map<string, ts.ClassDeclaration>, checker: ts.TypeChecker): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const [name, declaration] of classes) {
    for (let base = baseClassOf(declaration, checker); base?.name; base = baseClassOf(base, checker)) {
      const set = index.get(base.name.text) ?? new Set<string>();
      set.add(name);
      index.set(base.name.text, set);
    }
  }
  return index;
}

function resolvedSymbol(node: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) return checker.getAliasedSymbol(symbol);
  return symbol;
}

/** The class a `new` builds: named directly, or the instance type of the constructor expression. */
function classOfConstructor(expression: ts.Expression, checker: ts.TypeChecker): string | null {
  const declaration = resolvedSymbol(expression, checker)?.declarations?.[0];
  if (declaration && ts.isClassDeclaration(declaration)) return declaration.name?.text ?? null;
  const signatures = checker.getTypeAtLocation(expression).getConstructSignatures();
  const instance = signatures[0]?.getReturnType().getSymbol();
  return instance?.getName() ?? null;
}

/** The bodies a call, `new` or a reference to a function can run: our own function-like declarations. */
function declarationsReferredBy(node: ts.Node, checker: ts.TypeChecker): ts.Node[] {
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const declaration = checker.getResolvedSignature(node)?.getDeclaration();
    if (declaration && ownBody(declaration)) return [declaration];
    // A call through an interface's member: linked to the functions that implement it.
    const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
    const member = resolvedSymbol(callee, checker);
    if (!member) return [];
    const holder = member.valueDeclaration;
    if (holder && ts.isParameter(holder) && ts.isConstructorDeclaration(holder.parent) && !inLibrary(holder)) {
      return [holder];
    }
    return memberSignatures(member);
  }
  const declaration = resolvedSymbol(node, checker)?.valueDeclaration;
  if (!declaration) return [];
  if (ownBody(declaration) || (isInitializedProperty(declaration) && !inLibrary(declaration))) return [declaration];
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && ownBody(declaration.initializer)) {
    return [declaration.initializer];
  }
  return [];
}

function isInitializedProperty(node: ts.Node): node is ts.PropertyDeclaration {
  return ts.isPropertyDeclaration(node) && node.initializer !== undefined;
}

function memberSignatures(member: ts.Symbol): ts.Node[] {
  return (member.declarations ?? []).filter(
    (declaration) =>
      (ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) && !inLibrary(declaration),
  );
}

function inLibrary(node: ts.Node): boolean {
  return node.getSourceFile().fileName.includes('node_modules');
}

function ownBody(node: ts.Node): boolean {
  return isFunctionLike(node) && Boolean(node.body) && !inLibrary(node);
}

/** Fixed point: what each function raises itself, plus what everything it reaches raises. */
function closure(direct: Map<ts.Node, Set<string>>, edges: Map<ts.Node, Set<ts.Node>>): Map<ts.Node, Set<string>> {
  const raisable = new Map<ts.Node, Set<string>>();
  for (const [node, set] of direct) raisable.set(node, new Set(set));
  let changed = true;
  while (changed) {
    changed = false;
    for (const [from, targets] of edges) {
      const set = raisable.get(from) ?? new Set<string>();
      const before = set.size;
      for (const target of targets) for (const name of raisable.get(target) ?? []) set.add(name);
      if (set.size !== before) changed = true;
      raisable.set(from, set);
    }
  }
  return raisable;
}

/** `name: t.field({ … resolve })` and `builder.queryField('name', (t) => t.field({ … resolve }))`. */
function resolversIn(file: ts.SourceFile): { field: string; resolver: ts.Node }[] {
  const found: { field: string; resolver: ts.Node }[] = [];
  ts.forEachChild(file, function visit(node) {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'resolve' && isFunctionLike(node.initializer)) {
      const field = fieldNameAround(node);
      if (field) found.push({ field, resolver: node.initializer });
    }
    ts.forEachChild(node, visit);
  });
  return found;
}

/** `Parent.field`, from the property or string naming the field and the builder call naming its type. */
function fieldNameAround(resolve: ts.Node): string | null {
  const call = resolve.parent.parent;
  if (!ts.isCallExpression(call)) return null;
  let field = ts.isPropertyAssignment(call.parent) ? call.parent.name.getText() : null;
  for (let node: ts.Node = call.parent; node; node = node.parent) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) continue;
    const named = node.arguments.find(ts.isStringLiteral)?.text;
    field ??= named ?? null;
    const parent = parentTypeOf(node, node.expression.name.text);
    if (parent) return field ? `${parent}.${field}` : null;
  }
  return null;
}

/** The GraphQL type a builder call adds fields to: Query, Mutation, or the object named by its first argument. */
function parentTypeOf(call: ts.CallExpression, method: string): string | null {
  if (method.startsWith('query')) return 'Query';
  if (method.startsWith('mutation')) return 'Mutation';
  if (method.startsWith('subscription')) return 'Subscription';
  const first = call.arguments[0];
  if (/^object(Field|Fields)$/.test(method) && first && ts.isIdentifier(first)) return first.text;
  if (/^prisma(Node|Object)$/.test(method) && first && ts.isStringLiteral(first)) return first.text;
  const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : null;
  if (method === 'implement' && receiver && ts.isCallExpression(receiver)) {
    return receiver.arguments.find(ts.isStringLiteral)?.text ?? null;
  }
  return null;
}
