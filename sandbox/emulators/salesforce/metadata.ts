// The Metadata API's SOAP `deploy` and `checkDeployStatus`
// (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deploy.htm,
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_checkdeploystatus.htm).
// A deploy runs the package checks on the uploaded zip at once; checkDeployStatus reports the result.
// A check-only deploy, or any failure, saves nothing (the emulated org keeps no metadata anyway).
import { randomBytes } from 'node:crypto';
import { checkPackage, type ComponentFailure } from './package-checks.js';
import type { RawResponse } from './front.js';
import { unzip } from './zip.js';

interface DeployResult {
  id: string;
  checkOnly: boolean;
  failures: ComponentFailure[];
  components: number;
}

const ENVELOPE_START =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata"><soapenv:Body>';
const ENVELOPE_END = '</soapenv:Body></soapenv:Envelope>';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (name: string, value: string | number | boolean) =>
  `<${name}>${escape(String(value))}</${name}>`;
const xml = (body: string): RawResponse => ({
  status: 200,
  headers: { 'content-type': 'text/xml;charset=UTF-8' },
  body: `${ENVELOPE_START}${body}${ENVELOPE_END}`,
});

export function soapFault(code: string, message: string): RawResponse {
  return {
    status: 500,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body: `${ENVELOPE_START}<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escape(`${code}: ${message}`)}</faultstring></soapenv:Fault>${ENVELOPE_END}`,
  };
}

const element = (body: string, name: string) =>
  new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(body)?.[1];

export class MetadataApi {
  readonly #deploys = new Map<string, DeployResult>();

  constructor(private readonly orgHas: (object: string, field: string) => boolean) {}

  /** The session id from the SOAP header (the caller authenticates it). */
  static sessionOf(body: string): string | undefined {
    return element(body, 'sessionId')?.trim();
  }

  handle(body: string): RawResponse {
    if (element(body, 'deploy') !== undefined || /<(\w+:)?deploy[\s>]/.test(body))
      return this.#deploy(body);
    if (/<(\w+:)?checkDeployStatus[\s>]/.test(body)) return this.#status(body);
    return soapFault('UNKNOWN_EXCEPTION', 'only deploy and checkDeployStatus are emulated');
  }

  #deploy(body: string): RawResponse {
    const zip = element(body, 'ZipFile');
    if (!zip) return soapFault('INVALID_CROSS_REFERENCE_KEY', 'no ZipFile in the deploy request');
    let files: Map<string, Buffer>;
    try {
      files = unzip(Buffer.from(zip.trim(), 'base64'));
    } catch (error) {
      return soapFault(
        'UNKNOWN_EXCEPTION',
        `the zip could not be read: ${(error as Error).message}`,
      );
    }
    const id = `0Af${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}AAA`;
    const { failures, components } = checkPackage(files, this.orgHas);
    this.#deploys.set(id, {
      id,
      checkOnly: element(body, 'checkOnly') === 'true',
      failures,
      components,
    });
    return xml(
      `<deployResponse><result>${tag('done', false)}${tag('id', id)}${tag('state', 'Queued')}</result></deployResponse>`,
    );
  }

  #status(body: string): RawResponse {
    const id = element(body, 'asyncProcessId')?.trim() ?? '';
    const result = this.#deploys.get(id);
    if (!result) return soapFault('INVALID_ID_FIELD', `invalid id: ${id}`);
    const ok = result.failures.length === 0;
    const failures = result.failures
      .map(
        (f) =>
          `<componentFailures>${tag('changed', false)}${tag('componentType', f.componentType)}${tag('created', false)}${tag('deleted', false)}${tag('fileName', f.fileName)}${tag('fullName', f.fullName)}${f.lineNumber ? tag('lineNumber', f.lineNumber) : ''}${f.columnNumber ? tag('columnNumber', f.columnNumber) : ''}${tag('problem', f.problem)}${tag('problemType', 'Error')}${tag('success', false)}</componentFailures>`,
      )
      .join('');
    return xml(
      `<checkDeployStatusResponse><result>${tag('checkOnly', result.checkOnly)}${tag('done', true)}${tag('id', id)}${tag('numberComponentErrors', result.failures.length)}${tag('numberComponentsDeployed', ok ? result.components : 0)}${tag('numberComponentsTotal', result.components)}${tag('status', ok ? 'Succeeded' : 'Failed')}${tag('success', ok)}<details>${failures}</details></result></checkDeployStatusResponse>`,
    );
  }
}
