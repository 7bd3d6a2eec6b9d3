/** `syswire schema`: the JSON Schema of definition files, for editors. */
import { definitionJsonSchema } from '../../model/defs-schema.js';
import { parseCommandArgs } from '../args.js';
import { SCHEMA } from '../command-specs.js';
import { EXIT, type CliContext } from '../context.js';

export function runSchema(args: string[], ctx: CliContext): number {
  parseCommandArgs(SCHEMA, args);
  ctx.stdout(`${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
