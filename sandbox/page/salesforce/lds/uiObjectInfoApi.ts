// Stand-in for `lightning/uiObjectInfoApi`: object metadata and picklist values from
// `GET /ui-api/object-info/…`. getPicklistValues needs both recordTypeId and fieldApiName (the
// master record type is 012000000000000AAA).
// https://developer.salesforce.com/docs/platform/lwc/guide/reference-wire-adapters-picklist-values.html
import { uiApi } from './session.js';
import { LdsAdapter, fieldName, objectName, ready, type Config } from './wire.js';

const enc = encodeURIComponent;

export class getObjectInfo extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['objectApiName'])) return undefined;
    return () => uiApi(`ui-api/object-info/${enc(objectName(config.objectApiName))}`);
  }
}

export class getObjectInfos extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['objectApiNames'])) return undefined;
    const names = (config.objectApiNames as unknown[]).map(objectName).join(',');
    return () => uiApi(`ui-api/object-info/batch/${enc(names)}`);
  }
}

export class getPicklistValues extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['recordTypeId', 'fieldApiName'])) return undefined;
    const [object, ...field] = fieldName(config.fieldApiName).split('.');
    const path = `ui-api/object-info/${enc(object ?? '')}/picklist-values/${enc(String(config.recordTypeId))}/${enc(field.join('.'))}`;
    return () => uiApi(path);
  }
}

export class getPicklistValuesByRecordType extends LdsAdapter {
  protected read(config: Config) {
    if (!ready(config, ['objectApiName', 'recordTypeId'])) return undefined;
    const path = `ui-api/object-info/${enc(objectName(config.objectApiName))}/picklist-values/${enc(String(config.recordTypeId))}`;
    return () => uiApi(path);
  }
}
