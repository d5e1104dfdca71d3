/**
 * Tool declarations as Gemini reads them, without what costs tokens on every request and tells the
 * model nothing it needs: string length limits. They stay enforced where they matter, by each
 * tool's own schema when it is called (an over-long argument comes back as INVALID_ARGUMENTS).
 */

/** Schema keywords left out of the declarations sent to the model. */
const DROPPED_KEYWORDS: ReadonlySet<string> = new Set(['maxLength', 'minLength']);

interface RequestWithTools {
  tools?: unknown;
}

/** The request with its function declarations' parameter schemas compacted; the same object when there are none. */
export function withCompactToolDeclarations<T extends RequestWithTools>(request: T): T {
  if (!Array.isArray(request.tools)) return request;
  return { ...request, tools: request.tools.map((tool: unknown) => compactTool(tool)) };
}

function compactTool(tool: unknown): unknown {
  if (typeof tool !== 'object' || tool === null || !('functionDeclarations' in tool) || !Array.isArray(tool.functionDeclarations)) return tool;
  return {
    ...tool,
    functionDeclarations: tool.functionDeclarations.map((declaration: unknown) =>
      typeof declaration === 'object' && declaration !== null && 'parameters' in declaration
        ? { ...declaration, parameters: compactSchema(declaration.parameters) }
        : declaration,
    ),
  };
}

function compactSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const compact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!DROPPED_KEYWORDS.has(key)) compact[key] = key === 'enum' || key === 'required' ? value : compactSchema(value);
  }
  return compact;
}
