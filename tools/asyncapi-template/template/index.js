import { File } from '@asyncapi/generator-react-sdk';
import { wsStructureFiles } from '../components/ws-structure';
import { wsClientTableFiles } from '../components/ws-client-tables';

/**
 * What `render` selects: `types` (default) the WebSocket type structure of packages/types (one file
 * per channel plus index.gen.ts; components/ws-structure.js), `client-tables` the runtime tables
 * of the client's connection (components/ws-client-tables.js). Both take the spec model's tables
 * (`specTables`, JSON) beside the parsed document.
 */
export default function ({ asyncapi, params }) {
  const tables = JSON.parse(params.specTables);
  const files =
    params.render === 'client-tables'
      ? wsClientTableFiles(asyncapi, tables)
      : wsStructureFiles(asyncapi, tables, params);
  return files.map((f) => <File name={f.name}>{f.content}</File>);
}
