import { File } from '@asyncapi/generator-react-sdk';
import { wsStructureFiles } from '../components/ws-structure';

/** One output file per channel plus index.gen.ts; see components/ws-structure.js. */
export default function ({ asyncapi, params }) {
  return wsStructureFiles(asyncapi, params).map((f) => <File name={f.name}>{f.content}</File>);
}
