// c/handoffCore: GENERATED, do not edit. Its TypeScript source:
// - salesforce-package/scripts/handoff-core/entry.ts, the Salesforce adapter (LDS records <-> core);
// - shared/src/runtime.ts, the core (@handoff/shared/runtime, bundled from its tsc output in
//   shared/dist/src), with its schemas on zod/mini (zod 4.6.7).
// Each module below opens with a comment naming its file. Built (esbuild, ESM, es2021, not
// minified) by salesforce-package/scripts/build-handoff-core.ts; rebuild with
//   npm run build && npm run build:handoff-core -w @handoff/salesforce-package
var __defProp = Object.defineProperty;
var __defNormalProp = (obj, key, value2) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value: value2 }) : obj[key] = value2;
var __publicField = (obj, key, value2) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value2);

// node_modules/zod/v4/core/util.js
function getEnumValues(entries2) {
  const numericValues = Object.values(entries2).filter((v) => typeof v === "number");
  const values = Object.entries(entries2).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value2) {
  if (typeof value2 === "bigint")
    return value2.toString();
  return value2;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value2) {
  Object.defineProperty(target, prop, {
    value: value2,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
function rawShape(def) {
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  return desc?.get ? desc.get.raw : desc?.value;
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a2;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value2, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value: value2 });
  return value2;
}
function hide(inst, key, value2) {
  return own(inst, key, value2, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value2) {
      own(this, key, value2);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value2 = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value: value2 });
        broke = broke || outer;
        return value2;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value2) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value: value2 });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value2) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value: value2 });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value2) {
  this._zod.message = value2;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value2 = () => this.message;
        Object.defineProperty(this, "toString", { value: value2, configurable: true, writable: true });
        return value2;
      },
      set(value2) {
        Object.defineProperty(this, "toString", { value: value2, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value2, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value: value2, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value2, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value: value2, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value2, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value: value2, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value2, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value: value2, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;
var _null = /^null$/i;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a2, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a2 = inst._zod).check ?? (_a2.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value2) {
    own(this, "~standard", value2);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value2) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value: value2, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value2) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value: value2, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value2);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodNull = /* @__PURE__ */ $constructor("$ZodNull", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = _null;
  inst._zod.values = /* @__PURE__ */ new Set([null]);
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (input === null)
      return payload;
    payload.issues.push({
      expected: "null",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item2 = input[i];
      const result = def.element._zod.run({
        value: item2,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject3 = isObject;
  const catchall = def.catchall;
  let value2;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value2 ?? (value2 = _normalized.value);
    const input = payload.value;
    if (!isObject3(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value2.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value2.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
function discriminatorMap(def) {
  const map = /* @__PURE__ */ new Map();
  for (const option of def.options) {
    const values = option._zod.propValues?.[def.discriminator];
    if (!values || values.size === 0)
      throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
    for (const value2 of values) {
      if (map.has(value2)) {
        if (value2 !== void 0)
          throw new Error(`Duplicate discriminator value "${String(value2)}"`);
        map.set(value2, null);
      } else {
        map.set(value2, option);
      }
    }
  }
  return map;
}
var $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
  def.inclusive = false;
  $ZodUnion.init(inst, def);
  const _super = inst._zod.parse;
  defineLazyInternal(inst, "propValues", (zod) => {
    const propValues = {};
    let undefinedCount = 0;
    for (const option of zod.def.options) {
      const pv = option._zod.propValues;
      if (!pv || Object.keys(pv).length === 0)
        throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
      if (pv[zod.def.discriminator]?.has(void 0))
        undefinedCount++;
      for (const [k, v] of Object.entries(pv)) {
        if (!Object.prototype.hasOwnProperty.call(propValues, k)) {
          assignProp(propValues, k, /* @__PURE__ */ new Set());
        }
        for (const val of v) {
          propValues[k].add(val);
        }
      }
    }
    if (!zod.def.unionFallback && undefinedCount > 1)
      propValues[zod.def.discriminator]?.delete(void 0);
    return propValues;
  });
  def.options.forEach((option, i) => {
    const propShape = rawShape(option._zod.def);
    if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
      throw new Error(`Invalid discriminated union option at index "${i}"`);
    }
  });
  const disc = cached(() => discriminatorMap(def));
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isObject(input)) {
      payload.issues.push({
        code: "invalid_type",
        expected: "object",
        input,
        inst
      });
      return payload;
    }
    const value2 = input?.[def.discriminator];
    const opt = disc.value.get(value2);
    if (opt && (value2 !== void 0 || ctx.direction !== "backward")) {
      return opt._zod.run(payload, ctx);
    }
    if (def.unionFallback || ctx.direction === "backward") {
      return _super(payload, ctx);
    }
    payload.issues.push({
      code: "invalid_union",
      errors: [],
      note: "No matching discriminator",
      discriminator: def.discriminator,
      options: Array.from(disc.value.keys()).filter((value3) => disc.value.get(value3) !== null),
      input,
      path: [def.discriminator],
      inst
    });
    return payload;
  };
});
var $ZodTuple = /* @__PURE__ */ $constructor("$ZodTuple", (inst, def) => {
  $ZodType.init(inst, def);
  const items = def.items;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        input,
        inst,
        expected: "tuple",
        code: "invalid_type"
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, [], ctx) : [];
    const proms = [];
    const optinStart = getTupleOptStart(items, "optin");
    const optoutStart = getTupleOptStart(items, "optout");
    if (!def.rest) {
      if (input.length < optinStart) {
        payload.issues.push({
          code: "too_small",
          minimum: optinStart,
          inclusive: true,
          input,
          inst,
          origin: "array"
        });
        return payload;
      }
      if (input.length > items.length) {
        payload.issues.push({
          code: "too_big",
          maximum: items.length,
          inclusive: true,
          input,
          inst,
          origin: "array"
        });
      }
    }
    const itemResults = new Array(items.length);
    const abortEarly = def.rest ? ctx?.abortEarly : void 0;
    let itemAborted = false;
    for (let i = 0; i < items.length; i++) {
      const r = items[i]._zod.run({ value: input[i], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((rr) => {
          itemResults[i] = rr;
        }));
      } else {
        itemResults[i] = r;
        if (abortEarly && !itemAborted && r.issues.length)
          itemAborted = aborted(r);
      }
    }
    if (def.rest && !itemAborted) {
      let i = items.length - 1;
      const rest = input.slice(items.length);
      let seen = payload.issues.length;
      for (const el of rest) {
        if (abortEarly && payload.issues.length !== seen) {
          if (aborted(payload, seen))
            break;
          seen = payload.issues.length;
        }
        i++;
        const result = def.rest._zod.run({ value: el, issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((r) => handleTupleResult(r, payload, i)));
        } else {
          handleTupleResult(result, payload, i);
        }
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => handleTupleResults(itemResults, payload, items, input, optoutStart));
    }
    return handleTupleResults(itemResults, payload, items, input, optoutStart);
  };
});
function getTupleOptStart(items, key) {
  for (let i = items.length - 1; i >= 0; i--) {
    const omittable = key === "optin" ? items[i]._zod.optin !== void 0 : items[i]._zod.optout === "optional";
    if (!omittable)
      return i + 1;
  }
  return 0;
}
function handleTupleResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
function handleTupleResults(itemResults, final, items, input, optoutStart) {
  for (let i = 0; i < items.length; i++) {
    const r = itemResults[i];
    const isPresent = i < input.length;
    if (!isPresent && i >= optoutStart && items[i]._zod.optin === "optional") {
      final.value.length = i;
      break;
    }
    if (r.issues.length) {
      if (!isPresent && i >= optoutStart) {
        final.value.length = i;
        break;
      }
      final.issues.push(...prefixIssues(i, r.issues));
    }
    final.value[i] = r.value;
  }
  for (let i = final.value.length - 1; i >= input.length; i--) {
    if (items[i]._zod.optout === "optional" && final.value[i] === void 0) {
      final.value.length = i;
    } else {
      break;
    }
  }
  return final;
}
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
  $ZodType.init(inst, def);
  const values = new Set(def.values);
  inst._zod.values = values;
  defineLazyInternal(inst, "pattern", (zod) => {
    const vals = zod.def.values;
    return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (values.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values: def.values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _null2(Class, params) {
  return new Class({
    type: "null",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value2, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value: value2,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value2, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value: value2,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value2, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value: value2,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value2) {
    own(this, "with", value2);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniNull = /* @__PURE__ */ $constructor("ZodMiniNull", (inst, def) => {
  $ZodNull.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _null3(params) {
  return _null2(ZodMiniNull, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
  const def = {
    type: "object",
    shape: shape ?? {},
    ...normalizeParams(params)
  };
  return new ZodMiniObject(def);
}
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniDiscriminatedUnion = /* @__PURE__ */ $constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
  $ZodDiscriminatedUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
  return new ZodMiniDiscriminatedUnion({
    type: "union",
    options,
    discriminator,
    ...normalizeParams(params)
  });
}
var ZodMiniTuple = /* @__PURE__ */ $constructor("ZodMiniTuple", (inst, def) => {
  $ZodTuple.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function tuple(items, _paramsOrRest, _params) {
  const hasRest = _paramsOrRest instanceof $ZodType;
  const params = hasRest ? _params : _paramsOrRest;
  const rest = hasRest ? _paramsOrRest : null;
  return new ZodMiniTuple({
    type: "tuple",
    items,
    rest,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries2 = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries: entries2,
    ...normalizeParams(params)
  });
}
var ZodMiniLiteral = /* @__PURE__ */ $constructor("ZodMiniLiteral", (inst, def) => {
  $ZodLiteral.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value2, params) {
  return new ZodMiniLiteral({
    type: "literal",
    values: Array.isArray(value2) ? value2 : [value2],
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}

// shared/dist/src/shapes/viewer.js
var ViewerSchema = object({
  userId: string2().check(_minLength(1)),
  roles: array(string2())
});

// shared/dist/src/playbook/schema.js
var Id = string2().check(_regex(/^(?!constructor$)[a-z][a-z0-9_]{0,63}$/));
var Text = string2().check(_minLength(1), _maxLength(500));
var Time = string2().check(_regex(/^\d{2}:\d{2}$/));
var IsoDate = string2().check(_regex(/^\d{4}-\d{2}-\d{2}$/));
var FieldType = _enum(["text", "number", "date", "datetime", "boolean", "choice"]);
var FieldDef = strictObject({
  type: FieldType,
  label: Text,
  options: optional(array(Text).check(_minLength(1))),
  hubspot: optional(string2().check(_minLength(1))),
  salesforce: optional(string2().check(_minLength(1)))
});
var MAX_HOLIDAYS = 1e3;
var Window = tuple([Time, Time]);
var CalendarDefSchema = strictObject({
  timeZone: string2().check(_minLength(1)),
  weekly: strictObject({
    mon: optional(array(Window)),
    tue: optional(array(Window)),
    wed: optional(array(Window)),
    thu: optional(array(Window)),
    fri: optional(array(Window)),
    sat: optional(array(Window)),
    sun: optional(array(Window))
  }),
  // Decades of public holidays; more would only close a calendar for years (see bounds.ts).
  holidays: optional(array(strictObject({
    date: IsoDate,
    from: optional(Time),
    to: optional(Time),
    name: optional(Text)
  })).check(_maxLength(MAX_HOLIDAYS))),
  hoursPerDay: optional(number2())
});
var RoleDef = strictObject({
  label: Text,
  /** HubSpot team names or ids whose members hold this role. Salesforce uses the package's fixed permission sets. */
  hubspotTeams: optional(array(string2().check(_minLength(1))))
});
var HandoffStatus = _enum([
  "not_started",
  "in_progress",
  "submitted",
  "accepted",
  "rejected"
]);
var Scalar = union([string2(), number2(), boolean2()]);
var PresenceRule = strictObject({ op: _enum(["present", "absent"]), field: Id });
var EqualityRule = strictObject({ op: _enum(["eq", "neq"]), field: Id, value: Scalar });
var InRule = strictObject({ op: literal("in"), field: Id, values: array(Scalar) });
var CompareRule = strictObject({
  op: _enum(["gt", "gte", "lt", "lte"]),
  field: Id,
  value: union([number2(), IsoDate, string2()])
});
var ContainsRule = strictObject({ op: literal("contains"), field: Id, value: Text });
var MatchesRule = strictObject({ op: literal("matches"), field: Id, pattern: Text });
var ChecklistCompleteRule = strictObject({ op: literal("checklist_complete"), handoff: Id });
var ItemDoneRule = strictObject({ op: literal("item_done"), handoff: Id, item: Id });
var HandoffStatusRule = strictObject({
  op: literal("handoff_status"),
  handoff: Id,
  in: array(HandoffStatus).check(_minLength(1))
});
var AllRule = strictObject({
  op: _enum(["all", "any"]),
  get rules() {
    return array(RuleSchema);
  }
});
var NotRule = strictObject({
  op: literal("not"),
  get rule() {
    return RuleSchema;
  }
});
var RuleSchema = discriminatedUnion("op", [
  PresenceRule,
  EqualityRule,
  InRule,
  CompareRule,
  ContainsRule,
  MatchesRule,
  ChecklistCompleteRule,
  ItemDoneRule,
  HandoffStatusRule,
  AllRule,
  NotRule
]);
var Severity = _enum(["block", "warn"]);
var CriterionDef = strictObject({
  id: Id,
  label: Text,
  severity: _default(Severity, "block"),
  rule: RuleSchema
});
var RecordObject = _enum(["deal", "contact", "company"]);
var CrmValue = string2().check(_minLength(1));
var CrmValues = array(CrmValue).check(_minLength(1));
var HubSpotPipelineStages = strictObject({ pipelineId: CrmValue, stageIds: CrmValues });
var HubSpotPropertyValues = strictObject({ property: CrmValue, values: CrmValues });
var SalesforceStageNames = strictObject({ stageNames: CrmValues });
var SalesforceFieldValues = strictObject({ field: CrmValue, values: CrmValues });
var StageDef = strictObject({
  id: Id,
  label: Text,
  /**
   * The record this stage belongs to. Optional and without a default, so a playbook written
   * before it parses (and fingerprints) exactly as it did: omitted means a deal stage.
   */
  object: optional(RecordObject),
  /** Closed stages end the lifecycle; `won` is what lead-to-customer time measures to. */
  outcome: optional(_enum(["won", "lost"])),
  hubspot: optional(union([HubSpotPipelineStages, HubSpotPropertyValues])),
  salesforce: optional(union([SalesforceStageNames, SalesforceFieldValues])),
  entry: _default(array(CriterionDef), []),
  exit: _default(array(CriterionDef), [])
});
var ItemKind = _enum(["check", "text", "date", "number", "choice"]);
var ChecklistItemDef = strictObject({
  id: Id,
  label: Text,
  help: optional(Text),
  required: _default(boolean2(), false),
  kind: ItemKind,
  options: optional(array(Text).check(_minLength(1))),
  /** Role expected to fill the item; any role that may submit the handoff can still edit it. */
  owner: optional(Id),
  /** When set, the item mirrors a CRM field: its value is read from the record, not typed in. */
  field: optional(Id),
  /** On a handoff whose accept creates a deal (the expansion): the deal field the answer fills. */
  dealField: optional(Id)
});
var ChecklistDef = strictObject({
  id: Id,
  label: Text,
  items: array(ChecklistItemDef).check(_minLength(1))
});
var RejectReason = strictObject({ id: Id, label: Text });
var HandoffDef = strictObject({
  id: Id,
  label: Text,
  checklist: Id,
  /** The stage whose entry opens the handoff (as `not_started`). */
  opensAt: Id,
  submit: array(Id).check(_minLength(1)),
  accept: array(Id).check(_minLength(1)),
  reject: array(Id).check(_minLength(1)),
  rejectReasons: array(RejectReason).check(_minLength(1)),
  /** Must pass, besides the required items, before the handoff may be submitted. */
  criteria: _default(array(CriterionDef), []),
  /**
   * Where the record goes when the handoff is accepted (an MQL becomes an SQL) and when it is
   * rejected (a recycled lead goes back to marketing): a stage of the handoff's own object. The
   * CRM adapters move the record; omitted, the record stays where it is. Optional without a default,
   * so a playbook written before parses (and fingerprints) exactly as it did.
   */
  onAccept: optional(strictObject({ stage: Id })),
  onReject: optional(strictObject({ stage: Id }))
});
var BusinessDuration = union([
  strictObject({
    unit: _enum(["business_minutes", "business_hours", "calendar_hours"]),
    amount: number2().check(_positive())
  }),
  strictObject({
    unit: literal("business_days"),
    amount: number2().check(_positive()),
    mode: _enum(["elapsed", "end_of_day"])
  })
]);
var SlaStart = discriminatedUnion("on", [
  strictObject({ on: literal("stage_entered"), stage: Id }),
  strictObject({ on: _enum(["handoff_opened", "handoff_submitted"]), handoff: Id }),
  strictObject({ on: literal("field_date"), field: Id })
]);
var SlaStop = discriminatedUnion("on", [
  strictObject({ on: literal("stage_entered"), stage: Id }),
  /** The record moved on from the stage (to any other): the work the SLA waited for happened anyway. */
  strictObject({ on: literal("stage_left"), stage: Id }),
  strictObject({ on: literal("handoff_accepted"), handoff: Id }),
  /** The handoff's first submission: the clock of whoever fills the checklist in. */
  strictObject({ on: literal("handoff_submitted"), handoff: Id }),
  strictObject({ on: literal("field_set"), field: Id }),
  /**
   * The first sales activity on the record after the timer started (a logged call, email or
   * meeting; a converted Lead counts): speed to lead. The adapters read the activities.
   */
  strictObject({ on: literal("first_activity") })
]);
function stopsOf(sla) {
  return Array.isArray(sla.stop) ? sla.stop : [sla.stop];
}
function slaWaitsOn(playbook, sla) {
  if (sla.waitsOn !== void 0)
    return sla.waitsOn;
  for (const stop of stopsOf(sla)) {
    if (stop.on !== "handoff_accepted" && stop.on !== "handoff_submitted")
      continue;
    const handoff2 = playbook.handoffs.find((h) => h.id === stop.handoff);
    const role = (stop.on === "handoff_accepted" ? handoff2?.accept : handoff2?.submit)?.[0];
    if (role !== void 0)
      return role;
  }
  return void 0;
}
var SlaPause = strictObject({ on: literal("handoff_rejected"), handoff: Id });
var WarnDef = union([
  strictObject({ before: BusinessDuration }),
  strictObject({ consumedPercent: number2().check(_positive(), _lte(100)) })
]);
var EscalationTarget = union([
  literal("owner"),
  strictObject({ user: string2().check(_minLength(1)) }),
  strictObject({ role: Id })
]);
var EscalationDef = strictObject({
  when: _enum(["at_risk", "breached"]),
  /** Only for `breached`: wait this much more business time after the breach. */
  after: optional(BusinessDuration),
  /** Omitted: whoever the SLA waits on (its `waitsOn` role), the people who can stop the clock. */
  to: optional(EscalationTarget),
  action: _enum(["task", "note", "reassign"])
});
var SlaDef = strictObject({
  id: Id,
  label: Text,
  start: SlaStart,
  /** One event, or several: the first that happens stops the timer. */
  stop: union([SlaStop, array(SlaStop).check(_minLength(1))]),
  pause: _default(array(SlaPause), []),
  target: BusinessDuration,
  /** A calendar id; omitted means calendar time (24×7). */
  calendar: optional(Id),
  warn: optional(WarnDef),
  escalations: _default(array(EscalationDef), []),
  /**
   * The role whose move stops the clock, shown beside the timer and escalated to by default.
   * Omitted: derived from the stop events (the accepting role for `handoff_accepted`, the
   * submitting role for `handoff_submitted`); see slaWaitsOn.
   */
  waitsOn: optional(Id)
});
var PlaybookSchema = strictObject({
  schemaVersion: literal(1),
  name: Text,
  /** The admin's label for this revision, shown on every record view. */
  version: string2().check(_minLength(1), _maxLength(40)),
  fields: record(Id, FieldDef),
  calendars: _default(record(Id, CalendarDefSchema), {}),
  roles: record(Id, RoleDef),
  stages: array(StageDef).check(_minLength(1)),
  checklists: _default(array(ChecklistDef), []),
  handoffs: _default(array(HandoffDef), []),
  slas: _default(array(SlaDef), []),
  /**
   * Limits on what one save may do. Optional and without a default, so a playbook written before
   * it parses (and fingerprints) exactly as it did.
   */
  guardRails: optional(strictObject({
    /** Escalations one save may raise at once before the admin must confirm (default 25). */
    maxEscalationsOnSave: optional(number2().check(int(), _gte(0), _lte(1e5)))
  }))
});

// shared/dist/src/shapes/handoff-state.js
var ItemValueSchema = union([string2(), number2(), boolean2(), _null3()]);
var ItemStateSchema = object({
  value: ItemValueSchema,
  done: boolean2(),
  by: string2(),
  at: number2()
});
var HandoffEventType = _enum([
  "item_set",
  "submitted",
  "withdrawn",
  "accepted",
  "rejected",
  "reworked"
]);
var HandoffEventSchema = object({
  type: HandoffEventType,
  at: number2(),
  by: string2(),
  actionId: string2(),
  details: record(string2(), union([string2(), number2(), boolean2(), _null3()]))
});
var HandoffStateSchema = object({
  status: HandoffStatus,
  version: number2().check(int(), _gte(0)),
  items: record(string2(), ItemStateSchema),
  events: array(HandoffEventSchema)
});

// shared/dist/src/shapes/snapshot.js
var RecordSnapshotSchema = object({
  crm: _enum(["hubspot", "salesforce"]),
  objectType: string2(),
  recordId: string2(),
  /** The playbook's stage id (the adapter maps CRM stage ids and names). */
  stage: string2(),
  /** Raw CRM values by logical field name; the core coerces them by the playbook's field types. */
  fields: record(string2(), unknown()),
  stageHistory: array(object({ stage: string2(), enteredAt: number2() })),
  handoffs: record(string2(), HandoffStateSchema),
  ownerId: optional(string2()),
  /**
   * When sales activities (logged calls, emails, meetings; a Lead's conversion) happened on the
   * record, for `first_activity` stops. Adapters may send only those since the record's last
   * stage change; absent means none known.
   */
  activities: optional(array(number2()))
});

// shared/dist/src/shapes/request.js
var HandoffActionSchema = discriminatedUnion("type", [
  object({ type: literal("set_item"), itemId: string2(), value: ItemValueSchema }),
  object({ type: literal("submit") }),
  object({ type: literal("withdraw") }),
  object({
    type: literal("accept"),
    assigneeId: optional(string2()),
    /** The record the accepted handoff became or was linked to (an expansion's deal). */
    linkedRecordId: optional(string2().check(_minLength(1), _maxLength(100)))
  }),
  object({
    type: literal("reject"),
    reason: string2(),
    comment: optional(string2().check(_maxLength(2e3)))
  }),
  object({ type: literal("reopen") })
]);
var HandoffRequestSchema = object({
  handoffId: string2(),
  /** Unique per attempt: a store answers a repeated actionId with the recorded result. */
  actionId: string2().check(_minLength(1), _maxLength(200)),
  expectedVersion: optional(number2().check(int())),
  action: HandoffActionSchema
});
var RefusalCode = _enum([
  "not_allowed",
  "items_missing",
  "criteria_failing",
  "conflict",
  "invalid_value",
  "unknown_handoff",
  "closed"
]);
var RefusalSchema = object({
  code: RefusalCode,
  message: string2(),
  details: record(string2(), unknown())
});

// shared/dist/src/playbook/objects.js
function objectOfStage(stage) {
  return stage.object ?? "deal";
}
function objectOfHandoff(playbook, handoff2) {
  const stage = playbook.stages.find((s) => s.id === handoff2.opensAt);
  return stage ? objectOfStage(stage) : "deal";
}
function objectOfSla(playbook, sla) {
  const start = sla.start;
  if (start.on === "stage_entered") {
    const stage = playbook.stages.find((s) => s.id === start.stage);
    return stage ? objectOfStage(stage) : "deal";
  }
  if (start.on === "field_date")
    return "deal";
  const handoff2 = playbook.handoffs.find((h) => h.id === start.handoff);
  return handoff2 ? objectOfHandoff(playbook, handoff2) : "deal";
}
var scoped = /* @__PURE__ */ new WeakMap();
function scopedPlaybook(playbook, object2) {
  let byObject = scoped.get(playbook);
  if (!byObject)
    scoped.set(playbook, byObject = /* @__PURE__ */ new Map());
  const known = byObject.get(object2);
  if (known)
    return known;
  const only = playbook.stages.every((s) => objectOfStage(s) === object2);
  const result = only ? playbook : scope(playbook, object2);
  byObject.set(object2, result);
  return result;
}
function scope(playbook, object2) {
  const parts = partsOf(playbook, object2);
  const used = fieldsReadBy(parts);
  const readElsewhere = new Set(["deal", "contact", "company"].filter((o) => o !== object2).flatMap((o) => [...fieldsReadBy(partsOf(playbook, o))]));
  const fields = Object.fromEntries(Object.entries(playbook.fields).filter(([id]) => used.has(id) || object2 === "deal" && !readElsewhere.has(id)));
  return { ...playbook, ...parts, fields };
}
function partsOf(playbook, object2) {
  const handoffs = playbook.handoffs.filter((h) => objectOfHandoff(playbook, h) === object2);
  const checklists = new Set(handoffs.map((h) => h.checklist));
  return {
    stages: playbook.stages.filter((s) => objectOfStage(s) === object2),
    handoffs,
    checklists: playbook.checklists.filter((c) => checklists.has(c.id)),
    slas: playbook.slas.filter((sla) => objectOfSla(playbook, sla) === object2)
  };
}
function fieldsReadBy(parts) {
  const out = /* @__PURE__ */ new Set();
  const criteria = (list2) => {
    for (const c of list2)
      ruleFields(c.rule, out);
  };
  for (const stage of parts.stages) {
    criteria(stage.entry);
    criteria(stage.exit);
  }
  for (const handoff2 of parts.handoffs)
    criteria(handoff2.criteria);
  for (const list2 of parts.checklists)
    for (const item2 of list2.items)
      if (item2.field !== void 0)
        out.add(item2.field);
  for (const sla of parts.slas)
    if (sla.start.on === "field_date")
      out.add(sla.start.field);
  return out;
}
function ruleFields(rule2, out) {
  if (rule2.op === "all" || rule2.op === "any")
    for (const r of rule2.rules)
      ruleFields(r, out);
  else if (rule2.op === "not")
    ruleFields(rule2.rule, out);
  else if ("field" in rule2)
    out.add(rule2.field);
}
var CRM_OBJECTS = {
  deal: "deal",
  deals: "deal",
  "0-3": "deal",
  opportunity: "deal",
  contact: "contact",
  contacts: "contact",
  "0-1": "contact",
  lead: "contact",
  company: "company",
  companies: "company",
  "0-2": "company",
  account: "company"
};
function recordObjectOf(objectType) {
  const key = objectType.toLowerCase();
  return Object.hasOwn(CRM_OBJECTS, key) ? CRM_OBJECTS[key] : void 0;
}
function opportunityStageNamesOf(stage) {
  return stage.salesforce && "stageNames" in stage.salesforce ? stage.salesforce.stageNames : [];
}
function playbookForRecord(playbook, record2) {
  return scopedPlaybook(playbook, recordObjectOf(record2.objectType) ?? "deal");
}
function fieldsOn(playbook, object2) {
  return scopedPlaybook(playbook, object2).fields;
}

// shared/dist/src/clock/intervals.js
function union2(ranges) {
  const count = ranges.length / 2;
  if (count <= 1)
    return ranges.slice();
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => ranges[2 * a] - ranges[2 * b]);
  const merged = [];
  for (const i of order) {
    const start = ranges[2 * i];
    const end = ranges[2 * i + 1];
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]) {
      if (end > merged[last])
        merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}
function subtract(open, closed) {
  if (closed.length === 0)
    return open;
  const result = [];
  let c = 0;
  for (let i = 0; i < open.length; i += 2) {
    let start = open[i];
    const end = open[i + 1];
    while (c < closed.length && closed[c + 1] <= start)
      c += 2;
    let k = c;
    while (k < closed.length && closed[k] < end) {
      const closedStart = closed[k];
      if (closedStart > start)
        result.push(start, closedStart);
      start = Math.max(start, closed[k + 1]);
      k += 2;
    }
    if (start < end)
      result.push(start, end);
  }
  return result;
}

// shared/dist/src/clock/wallclock.js
var SECOND = 1e3;
var MINUTE = 60 * SECOND;
var HOUR = 60 * MINUTE;
var DAY = 24 * HOUR;
var WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var TIME = /^(\d{2}):(\d{2})$/;
var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseTime(text2, allowEndOfDay) {
  if (typeof text2 !== "string")
    return null;
  const match = TIME.exec(text2);
  if (!match)
    return null;
  const hours3 = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59)
    return null;
  if (hours3 === 24 && minutes === 0 && allowEndOfDay)
    return 24 * 60;
  if (hours3 > 23)
    return null;
  return hours3 * 60 + minutes;
}
function parseDate(text2) {
  if (typeof text2 !== "string")
    return null;
  const match = DATE.exec(text2);
  if (!match)
    return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return null;
  const ms = civilToMs(year, month, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() + 1 !== month)
    return null;
  return ms / DAY;
}
function civilToMs(year, month, day) {
  const date2 = /* @__PURE__ */ new Date(0);
  date2.setUTCFullYear(year, month - 1, day);
  return date2.getTime();
}
var FIRST_YEAR = 1;
var LAST_YEAR = 9999;
function firstDayOfYear(year) {
  const y = year - 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + 306 - 719468;
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
var YEAR_STARTS = Float64Array.from({ length: 10002 }, (_, year) => firstDayOfYear(year) * DAY);
var MIN_INSTANT = YEAR_STARTS[FIRST_YEAR];
var MAX_INSTANT = YEAR_STARTS[LAST_YEAR + 1];
function yearStart(year) {
  return YEAR_STARTS[year];
}
function yearOf(instant) {
  let year = Math.floor(instant / 31556952e3) + 1970;
  if (year < 0)
    year = 0;
  if (year > 1e4)
    year = 1e4;
  while (year > 0 && YEAR_STARTS[year] > instant)
    year--;
  while (year < 1e4 && YEAR_STARTS[year + 1] <= instant)
    year++;
  return year;
}
function yearOfDay(day) {
  return yearOf(day * DAY);
}
function weekdayOf(dayNumber) {
  return ((dayNumber + 3) % 7 + 7) % 7;
}

// shared/dist/src/clock/calendar.js
var EARLY_PLAIN_LAST = 1798;
var LATE_PLAIN_FIRST = 2101;
var EXPLICIT_FIRST = EARLY_PLAIN_LAST + 1;
var EXPLICIT_COUNT = LATE_PLAIN_FIRST - EXPLICIT_FIRST;
var MARGIN_DAYS = 3;
var MAX_PERIODS = 512;
var MAX_RANGES = 1 << 19;
function kindOf(year) {
  return (isLeapYear(year) ? 7 : 0) + weekdayOf(firstDayOfYear(year));
}
var KINDS = 14;
var CYCLE = 400;
var KIND_BELOW = new Int32Array(KINDS * (CYCLE + 1));
for (let r = 0; r < CYCLE; r++) {
  const kind = kindOf(2e3 + r);
  for (let k = 0; k < KINDS; k++) {
    KIND_BELOW[k * (CYCLE + 1) + r + 1] = KIND_BELOW[k * (CYCLE + 1) + r] + (k === kind ? 1 : 0);
  }
}
function kindCountBelow(kind, year) {
  const cycles = Math.floor(year / CYCLE);
  const row = kind * (CYCLE + 1);
  return cycles * KIND_BELOW[row + CYCLE] + KIND_BELOW[row + year - cycles * CYCLE];
}
var Calendar = class {
  /** @internal Use `compileCalendar`. */
  constructor(parts) {
    __publicField(this, "timeZone");
    __publicField(this, "hoursPerDay");
    /** @internal Windows per weekday, Monday first, sorted by `from`. */
    __publicField(this, "week");
    /** @internal Local dates (day numbers) closed all day. */
    __publicField(this, "closedDays");
    /** @internal Sorted by day. */
    __publicField(this, "partialHolidays");
    /** @internal False when no weekday has a window, so nothing is ever open. */
    __publicField(this, "opensEver");
    /** @internal */
    __publicField(this, "zone");
    /** Years whose layout a holiday can change, sorted: they are laid out on their own. */
    __publicField(this, "holidayYears");
    __publicField(this, "periods", /* @__PURE__ */ new Map());
    __publicField(this, "ranges", 0);
    __publicField(this, "tick", 0);
    /** The year each kind of repeating year is laid out as, per era; -1 when none qualifies. */
    __publicField(this, "representatives", new Int32Array(2 * KINDS).fill(-2));
    // Per-year sums of the explicit years (1799–2100), NaN until known: long spans add them up.
    __publicField(this, "explicitTime", new Float64Array(EXPLICIT_COUNT).fill(NaN));
    __publicField(this, "explicitDays", new Float64Array(EXPLICIT_COUNT).fill(NaN));
    __publicField(this, "kindTime", new Float64Array(2 * KINDS).fill(NaN));
    __publicField(this, "kindDays", new Float64Array(2 * KINDS).fill(NaN));
    this.timeZone = parts.timeZone;
    this.hoursPerDay = parts.hoursPerDay;
    this.week = parts.week;
    this.closedDays = parts.closedDays;
    this.partialHolidays = parts.partialHolidays;
    this.zone = parts.zone;
    this.opensEver = parts.week.some((windows2) => windows2.length > 0);
    const years = /* @__PURE__ */ new Set();
    const days = [...parts.closedDays, ...parts.partialHolidays.map((h) => h.day)];
    for (const day of days) {
      const last = yearOfDay(day + MARGIN_DAYS);
      for (let year = yearOfDay(day - MARGIN_DAYS); year <= last; year++)
        years.add(year);
    }
    this.holidayYears = Int32Array.from([...years].sort((a, b) => a - b));
  }
  /** @internal The layout of UTC year `year` (0–10000), in ms after `yearStart(year)`. */
  period(year) {
    const layout = this.layoutYear(year);
    let entry = this.periods.get(layout);
    if (entry === void 0) {
      const period = this.buildPeriod(layout);
      this.ranges += period.starts.length;
      while (this.periods.size >= MAX_PERIODS || this.ranges > MAX_RANGES) {
        if (!this.evictLeastRecentlyUsed())
          break;
      }
      entry = { period, used: 0 };
      this.periods.set(layout, entry);
    }
    entry.used = ++this.tick;
    return entry.period;
  }
  /** @internal The year's business days (see `BusinessDays`), laid out on first use. */
  businessDays(year) {
    const period = this.period(year);
    period.days ??= this.buildBusinessDays(this.layoutYear(year));
    return period.days;
  }
  /** @internal Business time (or business days) in the UTC years [first, end). */
  sumYears(first, end, measure) {
    let sum = 0;
    const earlyEnd = Math.min(end, EARLY_PLAIN_LAST + 1);
    if (first < earlyEnd)
      sum += this.sumRepeating(first, earlyEnd, 0, measure);
    const explicitFirst = Math.max(first, EXPLICIT_FIRST);
    const explicitEnd = Math.min(end, LATE_PLAIN_FIRST);
    for (let year = explicitFirst; year < explicitEnd; year++) {
      sum += this.explicitValue(year, measure);
    }
    const lateFirst = Math.max(first, LATE_PLAIN_FIRST);
    if (lateFirst < end)
      sum += this.sumRepeating(lateFirst, end, 1, measure);
    return sum;
  }
  /**
   * @internal The first year from `first` on by whose end `need` (> 0) has been summed, and how
   * much of `need` is left for that year (> 0, at most its value); null when not by year 9999.
   */
  reachForward(first, need, measure) {
    let sum = 0;
    let year = first;
    for (; year <= LAST_YEAR && (year < first + 3 || year >= EXPLICIT_FIRST && year < LATE_PLAIN_FIRST); year++) {
      const value2 = this.explicitValue(year, measure);
      if (sum + value2 >= need)
        return { year, rest: need - sum };
      sum += value2;
    }
    need -= sum;
    if (year > LAST_YEAR || this.sumYears(year, LAST_YEAR + 1, measure) < need)
      return null;
    const from = year;
    let low = year;
    let high = LAST_YEAR;
    const span = Math.min(CYCLE, LAST_YEAR + 1 - from);
    const mean = this.sumYears(from, from + span, measure) / span;
    if (mean > 0) {
      const guess = Math.min(Math.max(from + Math.floor(need / mean), from), LAST_YEAR);
      const below = Math.max(guess - 3, from);
      const above = Math.min(guess + 3, LAST_YEAR);
      if (this.sumYears(from, below, measure) < need && this.sumYears(from, above + 1, measure) >= need) {
        low = below;
        high = above;
      }
    }
    while (low < high) {
      const middle = low + high >>> 1;
      if (this.sumYears(from, middle + 1, measure) >= need)
        high = middle;
      else
        low = middle + 1;
    }
    return { year: low, rest: need - this.sumYears(from, low, measure) };
  }
  /**
   * @internal The last year from `last` back by whose start `need` (> 0) has been summed, and
   * what is left of that year's value before it (≥ 0, less than its value); null when not by year 1.
   */
  reachBackward(last, need, measure) {
    let sum = 0;
    let year = last;
    for (; year >= FIRST_YEAR && (year > last - 3 || year >= EXPLICIT_FIRST && year < LATE_PLAIN_FIRST); year--) {
      const value2 = this.explicitValue(year, measure);
      if (sum + value2 >= need)
        return { year, rest: sum + value2 - need };
      sum += value2;
    }
    need -= sum;
    if (year < FIRST_YEAR || this.sumYears(FIRST_YEAR, year + 1, measure) < need)
      return null;
    const to = year + 1;
    let low = FIRST_YEAR;
    let high = year;
    while (low < high) {
      const middle = low + high + 1 >>> 1;
      if (this.sumYears(middle, to, measure) >= need)
        low = middle;
      else
        high = middle - 1;
    }
    return { year: low, rest: this.sumYears(low, to, measure) - need };
  }
  /** A year's value, kept for the explicit years (and kinds) so sums over them are additions. */
  explicitValue(year, measure) {
    const index = year - EXPLICIT_FIRST;
    if (index < 0 || index >= EXPLICIT_COUNT)
      return this.yearValue(year, measure);
    const cache2 = measure === "time" ? this.explicitTime : this.explicitDays;
    let value2 = cache2[index];
    if (Number.isNaN(value2)) {
      value2 = this.yearValue(year, measure);
      cache2[index] = value2;
    }
    return value2;
  }
  /** The value of the representative year of a kind, kept once known. */
  kindValue(slot, representative, measure) {
    const cache2 = measure === "time" ? this.kindTime : this.kindDays;
    let value2 = cache2[slot];
    if (Number.isNaN(value2)) {
      value2 = this.yearValue(representative, measure);
      cache2[slot] = value2;
    }
    return value2;
  }
  /** @internal Business time (or business days) of one UTC year. */
  yearValue(year, measure) {
    return measure === "time" ? this.period(year).total : this.businessDays(year).dates.length;
  }
  /** @internal The local date (day number) an instant falls on in the calendar's zone. */
  dayOf(instant) {
    const year = yearOf(instant);
    const shift = yearStart(year) - yearStart(this.layoutYear(year));
    return Math.floor((instant + this.zone.offsetAt(instant - shift)) / DAY);
  }
  /**
   * @internal Open ranges of the windows that belong to local date `day`, after holidays. Ranges
   * of neighbouring days are not merged in, so a day's own opening and closing can be read off.
   */
  dayRanges(day) {
    const own2 = union2(this.windowRanges(day, day));
    return subtract(own2, this.holidayRanges(day - 1, day + 2));
  }
  /** The year whose layout `year` repeats: a representative of its kind, or itself. */
  layoutYear(year) {
    const era = year <= EARLY_PLAIN_LAST ? 0 : year >= LATE_PLAIN_FIRST ? 1 : -1;
    if (era < 0 || this.touchedByHoliday(year))
      return year;
    const slot = era * KINDS + kindOf(year);
    let representative = this.representatives[slot];
    if (representative === -2) {
      representative = this.findRepresentative(kindOf(year), era);
      this.representatives[slot] = representative;
    }
    return representative < 0 ? year : representative;
  }
  // The repeating year nearest the explicit ones, so its zone offsets are read at most once.
  findRepresentative(kind, era) {
    const step = era === 0 ? -1 : 1;
    const last = era === 0 ? 0 : LAST_YEAR + 1;
    for (let year = era === 0 ? EARLY_PLAIN_LAST : LATE_PLAIN_FIRST; year !== last; year += step) {
      if (kindOf(year) === kind && !this.touchedByHoliday(year))
        return year;
    }
    return -1;
  }
  touchedByHoliday(year) {
    return this.holidayYears[this.firstHolidayYearFrom(year)] === year;
  }
  /** Index of the first holiday year at or after `year`. */
  firstHolidayYearFrom(year) {
    const years = this.holidayYears;
    let low = 0;
    let high = years.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if (years[middle] < year)
        low = middle + 1;
      else
        high = middle;
    }
    return low;
  }
  // Kinds × their representative's value, corrected for the years a holiday lays out on their own.
  sumRepeating(first, end, era, measure) {
    let sum = 0;
    for (let kind = 0; kind < KINDS; kind++) {
      const count = kindCountBelow(kind, end) - kindCountBelow(kind, first);
      if (count === 0)
        continue;
      let representative = this.representatives[era * KINDS + kind];
      if (representative === -2) {
        representative = this.findRepresentative(kind, era);
        this.representatives[era * KINDS + kind] = representative;
      }
      if (representative < 0)
        continue;
      sum += count * this.kindValue(era * KINDS + kind, representative, measure);
    }
    const years = this.holidayYears;
    for (let i = this.firstHolidayYearFrom(first); i < years.length; i++) {
      const year = years[i];
      if (year >= end)
        break;
      const representative = this.representatives[era * KINDS + kindOf(year)];
      sum += this.yearValue(year, measure);
      if (representative >= 0) {
        sum -= this.kindValue(era * KINDS + kindOf(year), representative, measure);
      }
    }
    return sum;
  }
  // A scan on eviction only: a hit just stamps its entry, so the warm path stays a map read.
  evictLeastRecentlyUsed() {
    let oldest;
    let oldestUse = Infinity;
    for (const [year, entry] of this.periods) {
      if (entry.used < oldestUse) {
        oldestUse = entry.used;
        oldest = year;
      }
    }
    if (oldest === void 0)
      return false;
    this.ranges -= this.periods.get(oldest).period.starts.length;
    this.periods.delete(oldest);
    return true;
  }
  buildPeriod(year) {
    const start = yearStart(year);
    const end = yearStart(year + 1);
    const firstDay = start / DAY - MARGIN_DAYS;
    const lastDay = end / DAY + 2;
    const open = union2(this.windowRanges(firstDay, lastDay));
    const ranges = subtract(open, this.holidayRanges(firstDay, lastDay + 1));
    const starts = [];
    const ends = [];
    for (let i = 0; i < ranges.length; i += 2) {
      const from = Math.max(ranges[i], start);
      const to = Math.min(ranges[i + 1], end);
      if (from < to) {
        starts.push(from - start);
        ends.push(to - start);
      }
    }
    const before = new Float64Array(starts.length);
    const after = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      before[i] = total;
      total += ends[i] - starts[i];
      after[i] = total;
    }
    return {
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before,
      after,
      total
    };
  }
  buildBusinessDays(year) {
    const start = yearStart(year);
    const firstDay = firstDayOfYear(year);
    const endDay = firstDayOfYear(year + 1);
    const dates = [];
    const opens = [];
    const closes = [];
    for (let day = firstDay; day < endDay; day++) {
      const ranges = this.dayRanges(day);
      if (ranges.length === 0)
        continue;
      dates.push(day - firstDay);
      opens.push(ranges[0] - start);
      closes.push(ranges[ranges.length - 1] - start);
    }
    return {
      dates: Int32Array.from(dates),
      opens: Float64Array.from(opens),
      closes: Float64Array.from(closes)
    };
  }
  windowRanges(firstDay, lastDay) {
    const ranges = [];
    for (let day = firstDay; day <= lastDay; day++) {
      if (this.closedDays.has(day))
        continue;
      const midnight = day * DAY;
      for (const window of this.week[weekdayOf(day)] ?? []) {
        const from = this.zone.toInstant(midnight + window.from * MINUTE);
        const to = this.zone.toInstant(midnight + window.to * MINUTE);
        if (from < to)
          ranges.push(from, to);
      }
    }
    return ranges;
  }
  holidayRanges(firstDay, lastDay) {
    const ranges = [];
    const holidays = this.partialHolidays;
    let low = 0;
    let high = holidays.length;
    while (low < high) {
      const middle = low + high >>> 1;
      if (holidays[middle].day < firstDay)
        low = middle + 1;
      else
        high = middle;
    }
    for (let i = low; i < holidays.length; i++) {
      const holiday2 = holidays[i];
      if (holiday2.day > lastDay)
        break;
      const midnight = holiday2.day * DAY;
      const from = this.zone.toInstant(midnight + holiday2.from * MINUTE);
      const to = this.zone.toInstant(midnight + holiday2.to * MINUTE);
      if (from < to)
        ranges.push(from, to);
    }
    return union2(ranges);
  }
};

// shared/dist/src/clock/errors.js
var CalendarError = class extends Error {
  constructor(message, path) {
    super(message);
    __publicField(this, "path");
    this.name = "CalendarError";
    this.path = path;
  }
};
function describe2(value2) {
  return typeof value2 === "number" ? String(value2) : JSON.stringify(value2) ?? String(value2);
}
function checkInstant(fn, name, value2) {
  if (typeof value2 !== "number" || !Number.isInteger(value2) || value2 < MIN_INSTANT || value2 > MAX_INSTANT) {
    throw new RangeError(`${fn} needs ${name} as whole epoch milliseconds within years 1–9999 (${MIN_INSTANT} to ${MAX_INSTANT}), got ${describe2(value2)}.`);
  }
}
function checkDuration(fn, name, value2, min = -Infinity) {
  if (typeof value2 !== "number" || !Number.isSafeInteger(value2) || value2 < min) {
    const bound = min === 0 ? " of 0 or more" : "";
    throw new RangeError(`${fn} needs ${name} as a whole number of milliseconds${bound}, got ${describe2(value2)}.`);
  }
}

// shared/dist/src/clock/zone.js
var BLOCK = 364 * DAY;
var STEP = DAY;
var MAX_BLOCKS = 512;
var EARLY_ZONE_END = yearStart(1800);
var READING = /(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)/;
var IntlZone = class {
  constructor(name, format) {
    __publicField(this, "name");
    __publicField(this, "format");
    __publicField(this, "blocks", /* @__PURE__ */ new Map());
    __publicField(this, "tick", 0);
    __publicField(this, "early");
    this.name = name;
    this.format = format;
  }
  offsetAt(instant) {
    if (instant < EARLY_ZONE_END) {
      this.early ??= this.readOffset(EARLY_ZONE_END - SECOND);
      return this.early;
    }
    const index = Math.floor(instant / BLOCK);
    let block = this.blocks.get(index);
    if (block === void 0) {
      if (this.blocks.size >= MAX_BLOCKS)
        this.evictLeastRecentlyUsed();
      block = this.buildBlock(index * BLOCK);
      this.blocks.set(index, block);
    }
    block.used = ++this.tick;
    let offset = block.first;
    for (let i = 0; i < block.at.length; i++) {
      if (instant < block.at[i])
        break;
      offset = block.offsets[i];
    }
    return offset;
  }
  toInstant(wallClock) {
    const before = this.offsetAt(wallClock - DAY);
    const after = this.offsetAt(wallClock + DAY);
    if (before === after)
      return wallClock - before;
    const early = wallClock - before;
    const late = wallClock - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid)
      return Math.min(early, late);
    if (earlyValid)
      return early;
    if (lateValid)
      return late;
    return early;
  }
  // A scan on eviction only: a hit just stamps its block, so the warm path stays a map read.
  evictLeastRecentlyUsed() {
    let oldest;
    let oldestUse = Infinity;
    for (const [index, block] of this.blocks) {
      if (block.used < oldestUse) {
        oldestUse = block.used;
        oldest = index;
      }
    }
    if (oldest !== void 0)
      this.blocks.delete(oldest);
  }
  buildBlock(start) {
    const first = this.readOffset(start);
    const at = [];
    const offsets = [];
    let previous = first;
    for (let t = start + STEP; t <= start + BLOCK; t += STEP) {
      const offset = this.readOffset(t);
      if (offset === previous)
        continue;
      let low = t - STEP;
      let high = t;
      while (high - low > SECOND) {
        const middle = low + Math.floor((high - low) / (2 * SECOND)) * SECOND;
        if (this.readOffset(middle) === previous)
          low = middle;
        else
          high = middle;
      }
      if (high < start + BLOCK) {
        at.push(high);
        offsets.push(offset);
      }
      previous = offset;
    }
    return { first, at, offsets, used: 0 };
  }
  readOffset(instant) {
    const match = READING.exec(this.format.format(instant));
    if (!match)
      throw new Error(`Unexpected Intl output for ${this.name}`);
    const hour = Number(match[4]) % 24;
    const wall = civilToMs(Number(match[3]), Number(match[1]), Number(match[2])) + hour * 36e5 + Number(match[5]) * 6e4 + Number(match[6]) * SECOND;
    return wall - Math.floor(instant / SECOND) * SECOND;
  }
};
var zones = /* @__PURE__ */ new Map();
function zoneFor(name) {
  const cached2 = zones.get(name);
  if (cached2 !== void 0)
    return cached2;
  let format;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
  } catch {
    return null;
  }
  const zone = new IntlZone(name, format);
  zones.set(name, zone);
  return zone;
}

// shared/dist/src/clock/compile.js
var DAY_NAMES = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday"
};
var MINUTES_PER_DAY = 24 * 60;
function isRecord(value2) {
  return typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
}
function describe3(value2) {
  return typeof value2 === "string" ? `"${value2}"` : JSON.stringify(value2) ?? String(value2);
}
function compileCalendar(def) {
  if (!isRecord(def))
    throw new CalendarError("A calendar must be an object.", []);
  const timeZone = def.timeZone;
  if (typeof timeZone !== "string" || timeZone === "") {
    throw new CalendarError('A calendar needs a time zone, e.g. "America/New_York".', ["timeZone"]);
  }
  const zone = zoneFor(timeZone);
  if (zone === null) {
    throw new CalendarError(`Time zone "${timeZone}" is not an IANA time zone name.`, ["timeZone"]);
  }
  const week = compileWeek(def.weekly);
  const { closedDays, partialHolidays } = compileHolidays(def.holidays);
  const hoursPerDay = compileHoursPerDay(def.hoursPerDay);
  return new Calendar({ timeZone, hoursPerDay, week, closedDays, partialHolidays, zone });
}
function compileWeek(weekly) {
  if (!isRecord(weekly)) {
    throw new CalendarError('Business hours ("weekly") must list windows per weekday, e.g. mon: [["09:00", "17:00"]].', ["weekly"]);
  }
  for (const key of Object.keys(weekly)) {
    if (!WEEKDAYS.includes(key)) {
      throw new CalendarError(`"${key}" is not a weekday; use mon, tue, wed, thu, fri, sat or sun.`, ["weekly", key]);
    }
  }
  return WEEKDAYS.map((weekday) => compileDay(weekday, weekly[weekday]));
}
function compileDay(weekday, value2) {
  const name = DAY_NAMES[weekday];
  if (value2 === void 0 || value2 === null)
    return [];
  if (!Array.isArray(value2)) {
    throw new CalendarError(`${name} hours must be a list of [from, to] windows, e.g. [["09:00", "17:00"]].`, ["weekly", weekday]);
  }
  const windows2 = value2.map((entry, index) => {
    const path = ["weekly", weekday, index];
    if (!Array.isArray(entry) || entry.length !== 2) {
      throw new CalendarError(`${name} window ${index + 1} must be a pair of times like ["09:00", "17:00"].`, path);
    }
    const from = parseTime(entry[0], false);
    if (from === null) {
      throw new CalendarError(`${name} window ${index + 1} opens at ${describe3(entry[0])}, which is not a time of day; write HH:MM from 00:00 to 23:59.`, [...path, 0]);
    }
    const to = parseTime(entry[1], true);
    if (to === null) {
      throw new CalendarError(`${name} window ${index + 1} closes at ${describe3(entry[1])}, which is not a time of day; write HH:MM from 00:00 to 24:00.`, [...path, 1]);
    }
    return { from, to: to <= from ? to + MINUTES_PER_DAY : to, index };
  });
  const sorted = [...windows2].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (current.from < previous.to) {
      const later = Math.max(previous.index, current.index);
      const earlier = Math.min(previous.index, current.index);
      throw new CalendarError(`${name} window ${later + 1} overlaps window ${earlier + 1}; windows on one day must not overlap.`, ["weekly", weekday, later]);
    }
  }
  return sorted.map(({ from, to }) => ({ from, to }));
}
function compileHolidays(holidays) {
  const closedDays = /* @__PURE__ */ new Set();
  const partialHolidays = [];
  if (holidays === void 0 || holidays === null)
    return { closedDays, partialHolidays };
  if (!Array.isArray(holidays)) {
    throw new CalendarError("Holidays must be a list of dates.", ["holidays"]);
  }
  holidays.forEach((holiday2, index) => {
    const path = ["holidays", index];
    if (!isRecord(holiday2)) {
      throw new CalendarError(`Holiday ${index + 1} must have a date, e.g. { date: "2025-12-25" }.`, path);
    }
    const day = parseDate(holiday2.date);
    if (day === null) {
      throw new CalendarError(`Holiday ${index + 1} has date ${describe3(holiday2.date)}, which is not a calendar date; write YYYY-MM-DD.`, [...path, "date"]);
    }
    if (holiday2.name !== void 0 && typeof holiday2.name !== "string") {
      throw new CalendarError(`Holiday ${index + 1} has a name that is not text.`, [
        ...path,
        "name"
      ]);
    }
    if (holiday2.from === void 0 && holiday2.to === void 0) {
      closedDays.add(day);
      return;
    }
    const from = holiday2.from === void 0 ? 0 : parseTime(holiday2.from, false);
    if (from === null) {
      throw new CalendarError(`Holiday ${index + 1} closes from ${describe3(holiday2.from)}, which is not a time of day; write HH:MM from 00:00 to 23:59.`, [...path, "from"]);
    }
    const to = holiday2.to === void 0 ? MINUTES_PER_DAY : parseTime(holiday2.to, true);
    if (to === null) {
      throw new CalendarError(`Holiday ${index + 1} closes until ${describe3(holiday2.to)}, which is not a time of day; write HH:MM from 00:00 to 24:00.`, [...path, "to"]);
    }
    if (to <= from) {
      throw new CalendarError(`Holiday ${index + 1} must end after it starts; a partial holiday covers part of one date.`, [...path, "to"]);
    }
    partialHolidays.push({ day, from, to });
  });
  partialHolidays.sort((a, b) => a.day - b.day || a.from - b.from);
  return { closedDays, partialHolidays };
}
function compileHoursPerDay(value2) {
  if (value2 === void 0)
    return 8;
  if (typeof value2 !== "number" || !Number.isFinite(value2) || value2 <= 0 || value2 > 24) {
    throw new CalendarError(`Hours per business day must be more than 0 and at most 24; got ${describe3(value2)}.`, ["hoursPerDay"]);
  }
  return value2;
}

// shared/dist/src/clock/position.js
function lastOpeningAtOrBefore(period, instant) {
  const starts = period.starts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (starts[middle] <= instant)
      low = middle + 1;
    else
      high = middle;
  }
  return low - 1;
}
function consumedBefore(period, instant) {
  const i = lastOpeningAtOrBefore(period, instant);
  if (i < 0)
    return 0;
  const end = period.ends[i];
  const start = period.starts[i];
  return period.before[i] + (instant < end ? instant : end) - start;
}
function earliestReaching(period, amount) {
  const after = period.after;
  let low = 0;
  let high = after.length - 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (after[middle] >= amount)
      high = middle;
    else
      low = middle + 1;
  }
  return period.starts[low] + amount - period.before[low];
}
function latestReaching(period, amount) {
  const after = period.after;
  let low = 0;
  let high = after.length - 1;
  while (low < high) {
    const middle = low + high >>> 1;
    if (after[middle] > amount)
      high = middle;
    else
      low = middle + 1;
  }
  return period.starts[low] + amount - period.before[low];
}

// shared/dist/src/clock/arithmetic.js
function businessTimeBetween(calendar, from, to) {
  checkInstant("businessTimeBetween", "from", from);
  checkInstant("businessTimeBetween", "to", to);
  if (calendar === null)
    return to - from;
  if (to < from) {
    const forward = between(calendar, to, from);
    return forward === 0 ? 0 : -forward;
  }
  return between(calendar, from, to);
}
function addBusinessTime(calendar, start, ms) {
  checkInstant("addBusinessTime", "start", start);
  checkDuration("addBusinessTime", "ms", ms);
  if (calendar === null || ms === 0) {
    const end = start + ms;
    return end > MAX_INSTANT ? Infinity : end < MIN_INSTANT ? -Infinity : end;
  }
  if (!calendar.opensEver)
    return ms > 0 ? Infinity : -Infinity;
  return ms > 0 ? reachingForward(calendar, start, ms) : reachingBackward(calendar, start, -ms);
}
function between(calendar, from, to) {
  const first = yearUpTo(from);
  const last = yearUpTo(to);
  if (first === last) {
    const period = calendar.period(first);
    const start = yearStart(first);
    return consumedBefore(period, to - start) - consumedBefore(period, from - start);
  }
  return calendar.period(first).total - consumedInYear(calendar, first, from) + calendar.sumYears(first + 1, last, "time") + consumedInYear(calendar, last, to);
}
function reachingForward(calendar, start, amount) {
  const year = yearUpTo(start);
  const period = calendar.period(year);
  const target = consumedBefore(period, start - yearStart(year)) + amount;
  if (target <= period.total)
    return yearStart(year) + earliestReaching(period, target);
  const reach = calendar.reachForward(year + 1, target - period.total, "time");
  if (reach === null)
    return Infinity;
  return yearStart(reach.year) + earliestReaching(calendar.period(reach.year), reach.rest);
}
function reachingBackward(calendar, start, amount) {
  const year = yearUpTo(start);
  const period = calendar.period(year);
  const target = consumedBefore(period, start - yearStart(year)) - amount;
  if (target >= 0)
    return yearStart(year) + latestReaching(period, target);
  const reach = calendar.reachBackward(year - 1, -target, "time");
  if (reach === null)
    return -Infinity;
  return yearStart(reach.year) + latestReaching(calendar.period(reach.year), reach.rest);
}
function yearUpTo(instant) {
  return instant === MAX_INSTANT ? LAST_YEAR : yearOf(instant);
}
function consumedInYear(calendar, year, instant) {
  const offset = instant - yearStart(year);
  return offset === 0 ? 0 : consumedBefore(calendar.period(year), offset);
}

// shared/dist/src/clock/business-day.js
function endOfBusinessDay(calendar, start, n) {
  checkInstant("endOfBusinessDay", "start", start);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`endOfBusinessDay needs a whole number of days ≥ 0, got ${n}.`);
  }
  if (calendar === null) {
    const close2 = (Math.floor(start / DAY) + 1 + n) * DAY;
    return close2 > MAX_INSTANT ? Infinity : close2;
  }
  if (!calendar.opensEver)
    return Infinity;
  const firstDay = calendar.dayOf(start) - 1;
  let year = yearOfDay(firstDay);
  let days = calendar.businessDays(year);
  let index = firstDateAtOrAfter(days, firstDay - firstDayOfYear(year));
  for (; ; ) {
    if (index >= days.dates.length) {
      const next = nextYearWithBusinessDays(calendar, year + 1);
      if (next === null)
        return Infinity;
      year = next;
      days = calendar.businessDays(year);
      index = 0;
      continue;
    }
    if (yearStart(year) + days.closes[index] > start)
      break;
    index++;
  }
  const inProgress = yearStart(year) + days.opens[index] <= start;
  const steps = inProgress ? n : Math.max(n - 1, 0);
  let left = steps;
  let target = index;
  while (left > 0) {
    target++;
    if (target >= days.dates.length) {
      const next = nextYearWithBusinessDays(calendar, year + 1);
      if (next === null)
        return Infinity;
      year = next;
      days = calendar.businessDays(year);
      target = 0;
    }
    if (firstDayOfYear(year) + days.dates[target] > firstDay + 4) {
      left--;
      break;
    }
    if (yearStart(year) + days.closes[target] > start)
      left--;
  }
  target += left;
  if (target >= days.dates.length) {
    const reach = calendar.reachForward(year + 1, target - days.dates.length + 1, "days");
    if (reach === null)
      return Infinity;
    year = reach.year;
    days = calendar.businessDays(year);
    target = reach.rest - 1;
  }
  let close = yearStart(year) + days.closes[target];
  if (steps > 0)
    close = Math.max(close, closeBefore(calendar, year, days, target));
  return close > MAX_INSTANT ? Infinity : close;
}
function firstDateAtOrAfter(days, date2) {
  let low = 0;
  let high = days.dates.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (days.dates[middle] < date2)
      low = middle + 1;
    else
      high = middle;
  }
  return low;
}
function nextYearWithBusinessDays(calendar, first) {
  const reach = first > LAST_YEAR ? null : calendar.reachForward(first, 1, "days");
  return reach === null ? null : reach.year;
}
function closeBefore(calendar, year, days, index) {
  if (index > 0)
    return yearStart(year) + days.closes[index - 1];
  if (year <= 0)
    return -Infinity;
  const previous = calendar.businessDays(year - 1);
  const last = previous.closes.length - 1;
  return last < 0 ? -Infinity : yearStart(year - 1) + previous.closes[last];
}

// shared/dist/src/playbook/bounds.js
var MAX_DAYS = 366;
var MINUTES_PER_DAY2 = 24 * 60;
var MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY2;
var MAX_AMOUNT = {
  business_minutes: MAX_DAYS * MINUTES_PER_DAY2,
  business_hours: MAX_DAYS * 24,
  calendar_hours: MAX_DAYS * 24,
  business_days: MAX_DAYS
};
var UNIT_WORDS = {
  business_minutes: "business minutes",
  business_hours: "business hours",
  calendar_hours: "calendar hours",
  business_days: "business days"
};
var WEEKDAYS2 = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
var minutesOf = (time3) => Number(time3.slice(0, 2)) * 60 + Number(time3.slice(3));
function openWeek(weekly) {
  const open = new Uint8Array(MINUTES_PER_WEEK);
  let days = 0;
  WEEKDAYS2.forEach((weekday, day) => {
    const windows2 = weekly[weekday] ?? [];
    if (windows2.length > 0)
      days++;
    for (const [fromTime, toTime] of windows2) {
      const from = minutesOf(fromTime);
      const to = minutesOf(toTime) <= from ? minutesOf(toTime) + MINUTES_PER_DAY2 : minutesOf(toTime);
      for (let m = from; m < to; m++)
        open[(day * MINUTES_PER_DAY2 + m) % MINUTES_PER_WEEK] = 1;
    }
  });
  return { minutes: open.reduce((sum, v) => sum + v, 0), days };
}
function durationIssue(path, duration2, calendar) {
  const at = [...path, "amount"];
  const words2 = UNIT_WORDS[duration2.unit];
  const max = MAX_AMOUNT[duration2.unit];
  if (duration2.amount > max) {
    return {
      path: at,
      message: `is more than a year: at most ${max} ${words2} (${MAX_DAYS} days around the clock) are accepted.`
    };
  }
  if (calendar === void 0 || duration2.unit === "calendar_hours")
    return void 0;
  const week = openWeek(calendar.def.weekly);
  const weeks = MAX_DAYS / 7;
  const allowed = "mode" in duration2 && duration2.mode === "end_of_day" ? Math.floor(week.days * weeks) : Math.floor(week.minutes * weeks / (duration2.unit === "business_minutes" ? 1 : duration2.unit === "business_hours" ? 60 : 60 * calendar.compiled.hoursPerDay));
  if (duration2.amount <= allowed)
    return void 0;
  const open = week.minutes === 0 ? "which is never open" : "mode" in duration2 && duration2.mode === "end_of_day" ? `which is open ${week.days} ${week.days === 1 ? "day" : "days"} a week` : `which is open ${hours(week.minutes)} a week`;
  return {
    path: at,
    message: allowed === 0 ? `can never come due within a year on the calendar \`${calendar.id}\`, ${open}.` : `would take more than a year to come due on the calendar \`${calendar.id}\`, ${open}: at most ${allowed} ${words2} are accepted.`
  };
}
function hours(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hourText = h === 0 ? "" : `${h} ${h === 1 ? "hour" : "hours"}`;
  const minuteText = m === 0 ? "" : `${m} ${m === 1 ? "minute" : "minutes"}`;
  return [hourText, minuteText].filter(Boolean).join(" ");
}

// shared/dist/src/playbook/object-checks.js
function objectIssues(playbook) {
  const issues = [];
  const stageObject = new Map(playbook.stages.map((s) => [s.id, objectOfStage(s)]));
  const handoffObject = new Map(playbook.handoffs.map((h) => [h.id, objectOfHandoff(playbook, h)]));
  const check = (path, kind, id, expected, owner) => {
    const actual = (kind === "stage" ? stageObject : handoffObject).get(id);
    if (actual === void 0 || actual === expected)
      return;
    issues.push({
      path,
      message: `names \`${id}\`, a ${actual} ${kind}; ${owner} lives on ${expected}s, so it must name a ${expected} ${kind}.`
    });
  };
  playbook.slas.forEach((sla, i) => {
    if ("handoff" in sla.start && !handoffObject.has(sla.start.handoff))
      return;
    const object2 = objectOfSla(playbook, sla);
    const owner = `this SLA starts on a ${object2} and`;
    const stops = stopsOf(sla);
    stops.forEach((stop, s) => {
      const at = Array.isArray(sla.stop) ? ["slas", i, "stop", s] : ["slas", i, "stop"];
      if ("stage" in stop)
        check([...at, "stage"], "stage", stop.stage, object2, owner);
      if ("handoff" in stop)
        check([...at, "handoff"], "handoff", stop.handoff, object2, owner);
      if (stop.on === "first_activity" && object2 !== "contact")
        issues.push({
          path: [...at, "on"],
          message: `\`first_activity\` stops a speed-to-lead timer on contacts (sales activities on a contact or Lead); this SLA runs on ${object2}s.`
        });
    });
    sla.pause.forEach((pause, p) => check(["slas", i, "pause", p, "handoff"], "handoff", pause.handoff, object2, owner));
  });
  playbook.stages.forEach((stage, s) => {
    const object2 = objectOfStage(stage);
    for (const side of ["entry", "exit"])
      stage[side].forEach((criterion2, c) => handoffsIn(criterion2.rule, ["stages", s, side, c, "rule"]).forEach(([path, id]) => check(path, "handoff", id, object2, `this stage`)));
  });
  playbook.handoffs.forEach((handoff2, h) => {
    const object2 = objectOfHandoff(playbook, handoff2);
    for (const key of ["onAccept", "onReject"]) {
      const move = handoff2[key];
      if (move)
        check(["handoffs", h, key, "stage"], "stage", move.stage, object2, `this handoff`);
    }
    handoff2.criteria.forEach((criterion2, c) => handoffsIn(criterion2.rule, ["handoffs", h, "criteria", c, "rule"]).forEach(([path, id]) => check(path, "handoff", id, object2, `this handoff`)));
  });
  return issues;
}
function handoffsIn(rule2, path) {
  switch (rule2.op) {
    case "all":
    case "any":
      return rule2.rules.flatMap((r, i) => handoffsIn(r, [...path, "rules", i]));
    case "not":
      return handoffsIn(rule2.rule, [...path, "rule"]);
    case "checklist_complete":
    case "handoff_status":
    case "item_done":
      return [[[...path, "handoff"], rule2.handoff]];
    default:
      return [];
  }
}

// shared/dist/src/playbook/issues.js
var PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
function formatPath(path) {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number")
      out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else
      out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
function parsePath(path) {
  const segments = [];
  const pattern = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_]*)/gy;
  let match;
  while (pattern.lastIndex < path.length && (match = pattern.exec(path)) !== null) {
    if (match[1] !== void 0)
      segments.push(Number(match[1]));
    else if (match[2] !== void 0)
      segments.push(JSON.parse(match[2]));
    else if (match[3] !== void 0)
      segments.push(match[3]);
  }
  return segments;
}
function isReservedName(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(Object.prototype, name);
}
function reservedNameMessage(name) {
  return `is reserved: every JavaScript object already has a \`${name}\`, so Handoff could mistake one for the other; use another name.`;
}
function didYouMean(word, known) {
  let best;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    if (lower.startsWith(candidate.toLowerCase()) || candidate.toLowerCase().startsWith(lower)) {
      return `did you mean \`${candidate}\`?`;
    }
  }
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best === void 0)
    return void 0;
  const tolerance = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= tolerance ? `did you mean \`${best}\`?` : void 0;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function describeValue(value2) {
  if (value2 === null)
    return "null";
  if (Array.isArray(value2))
    return "a list";
  switch (typeof value2) {
    case "string":
      return `the text ${JSON.stringify(value2.length > 40 ? `${value2.slice(0, 40)}…` : value2)}`;
    case "number":
      return `the number ${value2}`;
    case "boolean":
      return `the value ${value2}`;
    case "object":
      return "an object";
    default:
      return typeof value2;
  }
}

// shared/dist/src/playbook/salvage.js
function declaredIn(playbook) {
  return {
    fields: new Set(Object.keys(playbook.fields)),
    roles: new Set(Object.keys(playbook.roles)),
    calendars: new Set(Object.keys(playbook.calendars)),
    stages: new Set(playbook.stages.map((s) => s.id)),
    checklists: new Set(playbook.checklists.map((l) => l.id)),
    handoffs: new Set(playbook.handoffs.map((h) => h.id))
  };
}
var LISTS = {
  stages: StageDef,
  checklists: ChecklistDef,
  handoffs: HandoffDef,
  slas: SlaDef
};
var RECORDS = {
  fields: FieldDef,
  calendars: CalendarDefSchema,
  roles: RoleDef
};
var STAND_IN = {
  label: "x",
  outcome: void 0,
  hubspot: void 0,
  salesforce: void 0,
  entry: [],
  exit: [],
  items: [{ id: "x", label: "x", kind: "check" }],
  checklist: "x",
  opensAt: "x",
  submit: ["x"],
  accept: ["x"],
  reject: ["x"],
  rejectReasons: [{ id: "x", label: "x" }],
  criteria: [],
  start: { on: "stage_entered", stage: "x" },
  stop: { on: "stage_entered", stage: "x" },
  pause: [],
  target: { unit: "calendar_hours", amount: 1 },
  calendar: void 0,
  warn: void 0,
  escalations: [],
  waitsOn: void 0
};
function salvage(input) {
  if (!isObject2(input))
    return void 0;
  try {
    const indexOf = {};
    const replaced = [];
    const lists = Object.entries(LISTS).map(([section, schema]) => {
      const kept = [];
      const at = [];
      const list2 = input[section];
      (Array.isArray(list2) ? list2 : []).forEach((entry, i) => {
        const one2 = mend(schema, entry);
        if (one2 === void 0)
          return;
        kept.push(one2.data);
        at.push(i);
        replaced.push(...one2.replaced.map((key) => formatPath([section, i, key])));
      });
      indexOf[section] = at;
      return [section, kept];
    });
    const records2 = Object.entries(RECORDS).map(([section, schema]) => {
      const record2 = input[section];
      const kept = Object.entries(isObject2(record2) ? record2 : {}).flatMap(([id, def]) => {
        const one2 = Id.safeParse(id).success ? schema.safeParse(def) : void 0;
        return one2?.success ? [[id, one2.data]] : [];
      });
      return [section, Object.fromEntries(kept)];
    });
    const playbook = Object.fromEntries([...lists, ...records2]);
    const ids = (section) => {
      const list2 = input[section];
      return new Set((Array.isArray(list2) ? list2 : []).flatMap((entry) => isObject2(entry) && typeof entry.id === "string" ? [entry.id] : []));
    };
    const keys = (section) => {
      const record2 = input[section];
      return new Set(isObject2(record2) ? Object.keys(record2) : []);
    };
    const declared = {
      fields: keys("fields"),
      roles: keys("roles"),
      calendars: keys("calendars"),
      stages: ids("stages"),
      checklists: ids("checklists"),
      handoffs: ids("handoffs")
    };
    return { playbook, declared, indexOf, replaced };
  } catch {
    return void 0;
  }
}
function mend(schema, entry) {
  const first = schema.safeParse(entry);
  if (first.success)
    return { data: first.data, replaced: [] };
  if (!isObject2(entry))
    return void 0;
  const mended = { ...entry };
  const replaced = /* @__PURE__ */ new Set();
  for (const issue2 of first.error.issues) {
    if (issue2.code === "unrecognized_keys" && issue2.path.length === 0) {
      for (const key2 of issue2.keys ?? [])
        delete mended[key2];
      continue;
    }
    const key = issue2.path[0];
    if (typeof key !== "string" || key === "id" || !(key in STAND_IN))
      return void 0;
    if (STAND_IN[key] === void 0)
      delete mended[key];
    else
      mended[key] = STAND_IN[key];
    replaced.add(key);
  }
  const second = schema.safeParse(mended);
  return second.success ? { data: second.data, replaced: [...replaced] } : void 0;
}
function isWithin(path, ancestor) {
  if (!path.startsWith(ancestor))
    return false;
  const next = path[ancestor.length];
  return next === void 0 || next === "." || next === "[";
}
function isObject2(value2) {
  return typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
}

// shared/dist/src/playbook/zod-issues.js
var FORMAT_BY_PATTERN = {
  "/^(?!constructor$)[a-z][a-z0-9_]{0,63}$/": "an id: lower-case letters, digits and underscores, starting with a letter (at most 64)",
  "/^\\d{2}:\\d{2}$/": 'a time written "HH:MM"',
  "/^\\d{4}-\\d{2}-\\d{2}$/": 'a date written "YYYY-MM-DD"'
};
function valueAt(input, path) {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object")
      return void 0;
    current = current[segment];
  }
  return current;
}
function zodIssuesToPlaybookIssues(issues, input, prefix = []) {
  return issues.flatMap((issue2) => describeIssue(issue2, input, prefix));
}
function describeIssue(issue2, input, prefix) {
  const path = [...prefix, ...issue2.path];
  const at = formatPath(path);
  const value2 = valueAt(input, path);
  switch (issue2.code) {
    case "invalid_type":
      if (value2 === void 0)
        return [{ path: at, message: "is required but missing." }];
      return [
        { path: at, message: `must be ${article(issue2.expected)}, not ${describeValue(value2)}.` }
      ];
    case "invalid_format": {
      if (isReservedName(value2))
        return [{ path: at, message: reservedNameMessage(value2) }];
      const pattern = "pattern" in issue2 ? String(issue2.pattern) : "";
      const wanted = FORMAT_BY_PATTERN[pattern] ?? `in the format ${issue2.format}`;
      return [{ path: at, message: `must be ${wanted}, not ${describeValue(value2)}.` }];
    }
    case "invalid_value": {
      const options = issue2.values.map((v) => JSON.stringify(v));
      const hint = typeof value2 === "string" ? didYouMean(value2, issue2.values.map(String)) : void 0;
      const message = value2 === void 0 ? `is required: ${options.length === 1 ? `it must be ${options[0]}` : `one of ${options.join(", ")}`}.` : options.length === 1 ? `must be ${options[0]}, not ${describeValue(value2)}.` : `must be one of ${options.join(", ")}, not ${describeValue(value2)}.`;
      return [withHint({ path: at, message }, hint)];
    }
    case "unrecognized_keys":
      return issue2.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: "is not a setting the playbook knows; remove it or check its spelling."
      }));
    case "too_small":
      return [{ path: at, message: tooSmall(issue2) }];
    case "too_big":
      return [
        { path: at, message: `must be at most ${String(issue2.maximum)} ${unitOf(issue2.origin)}.` }
      ];
    case "invalid_union":
      return describeUnion(issue2, input, path);
    case "invalid_key": {
      const key = path[path.length - 1];
      if (isReservedName(key))
        return [{ path: at, message: reservedNameMessage(key) }];
      const [first] = zodIssuesToPlaybookIssues(issue2.issues, { key }, ["key"]);
      return [
        { path: at, message: `is not a usable name: it ${first?.message ?? "is not valid."}` }
      ];
    }
    default:
      return [{ path: at, message: "is not valid here." }];
  }
}
function describeUnion(issue2, input, path) {
  const value2 = valueAt(input, path);
  if ("discriminator" in issue2 && typeof issue2.discriminator === "string") {
    const options = ("options" in issue2 ? issue2.options : []).map(String);
    const hint = typeof value2 === "string" ? didYouMean(value2, options) : void 0;
    return [
      withHint({
        path: formatPath(path),
        message: value2 === void 0 ? `is required: one of ${options.join(", ")}.` : `must be one of ${options.join(", ")}, not ${describeValue(value2)}.`
      }, hint)
    ];
  }
  const branches = issue2.errors.filter((branch) => branch.length > 0);
  if (branches.length === 0)
    return [{ path: formatPath(path), message: "is not valid here." }];
  const allAtRoot = branches.every((b) => b.every((i) => i.path.length === 0 && i.code === "invalid_type"));
  if (allAtRoot) {
    return [
      {
        path: formatPath(path),
        message: `has the wrong form: ${describeValue(value2)} is not accepted here.`
      }
    ];
  }
  const score = (branch) => branch.reduce((sum, i) => {
    const written = valueAt(input, [...path, ...i.path]) !== void 0;
    return sum + (i.code === "invalid_value" && written ? 10 : 1);
  }, 0);
  const closest = branches.reduce((a, b) => score(b) < score(a) ? b : a);
  return zodIssuesToPlaybookIssues(closest, input, path);
}
function tooSmall(issue2) {
  const minimum = Number(issue2.minimum);
  if (issue2.origin === "string" && minimum <= 1)
    return "must not be empty.";
  if (issue2.origin === "array")
    return `must have at least ${minimum} ${minimum === 1 ? "entry" : "entries"}.`;
  if (issue2.origin === "number")
    return `must be ${issue2.inclusive ? "at least" : "more than"} ${minimum}.`;
  return `must be at least ${minimum} ${unitOf(issue2.origin)}.`;
}
function unitOf(origin) {
  if (origin === "string")
    return "characters";
  if (origin === "array")
    return "entries";
  return "";
}
function article(expected) {
  const words2 = {
    object: "a group of settings",
    array: "a list",
    string: "text",
    number: "a number",
    boolean: "true or false",
    record: "a group of named entries"
  };
  return words2[expected] ?? expected;
}
function withHint(issue2, hint) {
  return hint === void 0 ? issue2 : { ...issue2, hint };
}

// shared/dist/src/rules/pattern.js
var MAX_REPEAT = 1e3;
var MAX_PATTERN_STEPS = 1e3;
var MAX_MATCH_WORK = 1e5;
var longestMatchable = (pattern) => Math.floor(MAX_MATCH_WORK / pattern.test.length);
var PatternError = class extends Error {
};
var MAX_CODE_POINT = 1114111;
var DIGIT = [48, 57];
var WORD = [48, 57, 65, 90, 95, 95, 97, 122];
var SPACE = [
  9,
  13,
  32,
  32,
  160,
  160,
  5760,
  5760,
  8192,
  8202,
  8232,
  8233,
  8239,
  8239,
  8287,
  8287,
  12288,
  12288,
  65279,
  65279
];
var DOT = complement([10, 10, 13, 13, 8232, 8233]);
var SYNTAX = "^$\\.*+?()[]{}|/";
function complement(r) {
  const out = [];
  let from = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] > from)
      out.push(from, r[i] - 1);
    from = r[i + 1] + 1;
  }
  if (from <= MAX_CODE_POINT)
    out.push(from, MAX_CODE_POINT);
  return out;
}
var one = (c) => {
  const code = c.codePointAt(0);
  return [code, code];
};
function union3(parts) {
  const pairs = [];
  for (const r of parts)
    for (let i = 0; i < r.length; i += 2)
      pairs.push([r[i], r[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [from, to] of pairs) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last] + 1)
      out[last] = Math.max(out[last], to);
    else
      out.push(from, to);
  }
  return out;
}
var inRanges = (r, c) => {
  for (let i = 0; i < r.length && r[i] <= c; i += 2)
    if (c <= r[i + 1])
      return true;
  return false;
};
function compilePattern(source) {
  const chars = Array.from(source);
  let i = 0;
  const peek = () => chars[i];
  const eat = (c) => chars[i] === c ? (i++, true) : false;
  const refuse2 = (message) => {
    throw new PatternError(message);
  };
  const unsupported = (what, kind) => refuse2(`uses ${what}, which Handoff does not support: it matches patterns in time proportional to the value's length, and ${kind} cannot be matched that way.`);
  function digits() {
    let n = "";
    while (/\d/.test(peek() ?? ""))
      n += chars[i++];
    return n === "" ? -1 : Number(n);
  }
  function hex(count) {
    const text2 = chars.slice(i, i + count).join("");
    i += count;
    return parseInt(text2, 16);
  }
  function escape(inClass) {
    const c = chars[i++];
    switch (c) {
      case "d":
        return DIGIT;
      case "D":
        return complement(DIGIT);
      case "w":
        return WORD;
      case "W":
        return complement(WORD);
      case "s":
        return SPACE;
      case "S":
        return complement(SPACE);
      case "b":
        return inClass ? [8, 8] : "b";
      case "B":
        return "B";
      case "t":
        return [9, 9];
      case "n":
        return [10, 10];
      case "v":
        return [11, 11];
      case "f":
        return [12, 12];
      case "r":
        return [13, 13];
      case "0":
        return [0, 0];
      case "-":
        return [45, 45];
      case "c": {
        const code = chars[i++].charCodeAt(0) % 32;
        return [code, code];
      }
      case "x": {
        const code = hex(2);
        return [code, code];
      }
      case "u": {
        let code;
        if (eat("{")) {
          const end = chars.indexOf("}", i);
          code = parseInt(chars.slice(i, end).join(""), 16);
          i = end + 1;
        } else {
          code = hex(4);
          if (code >= 55296 && code <= 56319 && chars[i] === "\\" && chars[i + 1] === "u") {
            const low = parseInt(chars.slice(i + 2, i + 6).join(""), 16);
            if (low >= 56320 && low <= 57343) {
              i += 6;
              code = (code - 55296) * 1024 + (low - 56320) + 65536;
            }
          }
        }
        return [code, code];
      }
      case "k":
        return unsupported("a back-reference (`\\k<…>`)", "back-references");
      case "p":
      case "P":
        return refuse2(`uses a Unicode property escape (\`\\${c}{…}\`), which Handoff does not support; list the characters in a class such as \`[A-Za-z]\` instead.`);
      default:
        if (/[1-9]/.test(c))
          return unsupported(`a back-reference (\`\\${c}\`)`, "back-references");
        if (SYNTAX.includes(c))
          return one(c);
        return refuse2(`uses the escape \`\\${c}\`, which Handoff does not support.`);
    }
  }
  function classAtom() {
    const c = chars[i++];
    if (c !== "\\")
      return one(c);
    return escape(true);
  }
  function characterClass() {
    const negated = eat("^");
    const parts = [];
    while (peek() !== "]") {
      const from = classAtom();
      if (peek() === "-" && chars[i + 1] !== "]" && from.length === 2 && from[0] === from[1]) {
        i++;
        const to = classAtom();
        parts.push([from[0], to[1]]);
      } else
        parts.push(from);
    }
    i++;
    const set = union3(parts);
    return negated ? complement(set) : set;
  }
  function atom() {
    const c = chars[i++];
    switch (c) {
      case "^":
      case "$":
        return { t: "at", k: c };
      case ".":
        return { t: "set", r: DOT };
      case "[":
        return { t: "set", r: characterClass() };
      case "\\": {
        const e = escape(false);
        return typeof e === "string" ? { t: "at", k: e } : { t: "set", r: e };
      }
      case "(": {
        if (eat("?")) {
          if (peek() === "=" || peek() === "!")
            unsupported("a lookahead (`(?=…)` or `(?!…)`)", "lookarounds");
          if (peek() === "<" && (chars[i + 1] === "=" || chars[i + 1] === "!"))
            unsupported("a lookbehind (`(?<=…)` or `(?<!…)`)", "lookarounds");
          if (eat("<"))
            i = chars.indexOf(">", i) + 1;
          else if (!eat(":"))
            refuse2("uses a group modifier (`(?i:…)`), which Handoff does not support.");
        }
        const inner = alternation();
        i++;
        return inner;
      }
      default:
        return { t: "set", r: one(c) };
    }
  }
  function quantified() {
    const node = atom();
    let min;
    let max;
    const q = peek();
    if (q === "*" || q === "+" || q === "?") {
      i++;
      [min, max] = q === "*" ? [0, Infinity] : q === "+" ? [1, Infinity] : [0, 1];
    } else if (q === "{") {
      i++;
      min = digits();
      max = eat(",") ? digits() : min;
      if (max < 0)
        max = Infinity;
      i++;
      if (Math.max(min, max === Infinity ? 0 : max) > MAX_REPEAT)
        refuse2(`repeats a part more than ${MAX_REPEAT} times; at most ${MAX_REPEAT} are allowed.`);
    } else
      return node;
    eat("?");
    return { t: "rep", n: node, min, max };
  }
  function sequence() {
    const n = [];
    while (i < chars.length && peek() !== "|" && peek() !== ")")
      n.push(quantified());
    return { t: "cat", n };
  }
  function alternation() {
    const n = [sequence()];
    while (eat("|"))
      n.push(sequence());
    return n.length === 1 ? n[0] : { t: "alt", n };
  }
  const tree = alternation();
  const program = { test: [null], next: [0], other: [-1], start: 0 };
  const add = (test, next, other = -1) => {
    if (program.test.push(test) > MAX_PATTERN_STEPS)
      refuse2(`is too large once its repetitions are written out (more than ${MAX_PATTERN_STEPS} steps); use smaller counts.`);
    program.next.push(next);
    program.other.push(other);
    return program.test.length - 1;
  };
  const emit = (node, next) => {
    switch (node.t) {
      case "set":
        return add(node.r, next);
      case "at":
        return add(node.k, next);
      case "cat":
        return node.n.reduceRight((after, part) => emit(part, after), next);
      case "alt":
        return node.n.map((part) => emit(part, next)).reduceRight((rest, entry) => add(null, entry, rest));
      case "rep": {
        let entry = next;
        if (node.max === Infinity) {
          entry = add(null, -1, next);
          program.next[entry] = emit(node.n, entry);
        } else {
          for (let k = node.min; k < node.max; k++)
            entry = add(null, emit(node.n, entry), next);
        }
        for (let k = 0; k < node.min; k++)
          entry = emit(node.n, entry);
        return entry;
      }
    }
  };
  program.start = emit(tree, 0);
  return program;
}
var isWord = (c) => c !== void 0 && inRanges(WORD, c);
function testPattern(pattern, text2) {
  const { test, next, other, start } = pattern;
  const input = Array.from(text2, (c) => c.codePointAt(0));
  const seen = new Int32Array(test.length).fill(-1);
  let current = [];
  let following = [];
  const stack = [];
  const reach = (s, pos, into) => {
    stack.push(s);
    while (stack.length > 0) {
      const id = stack.pop();
      if (seen[id] === pos)
        continue;
      seen[id] = pos;
      if (id === 0) {
        stack.length = 0;
        return true;
      }
      const t = test[id];
      if (t === null)
        stack.push(other[id], next[id]);
      else if (typeof t !== "string")
        into.push(id);
      else if (t === "^" ? pos === 0 : t === "$" ? pos === input.length : isWord(input[pos - 1]) !== isWord(input[pos]) === (t === "b"))
        stack.push(next[id]);
    }
    return false;
  };
  for (let pos = 0; ; pos++) {
    if (reach(start, pos, current))
      return true;
    if (pos === input.length)
      return false;
    const c = input[pos];
    for (const id of current) {
      if (inRanges(test[id], c) && reach(next[id], pos + 1, following))
        return true;
    }
    [current, following] = [following, current];
    following.length = 0;
  }
}
var compiled = /* @__PURE__ */ new Map();
function patternOf(source) {
  let entry = compiled.get(source);
  if (entry === void 0) {
    try {
      new RegExp(source, "u");
      entry = compilePattern(source);
    } catch (error) {
      entry = error instanceof PatternError ? error : new PatternError(`is not a valid regular expression: ${JSON.stringify(source)}.`);
    }
    if (compiled.size >= 256)
      compiled.clear();
    compiled.set(source, entry);
  }
  return entry;
}

// shared/dist/src/playbook/parse.js
function parsePlaybook(input) {
  let parsed;
  try {
    parsed = PlaybookSchema.safeParse(input);
  } catch {
    return { ok: false, issues: [{ path: "", message: "could not be read as a playbook." }] };
  }
  if (!parsed.success) {
    const salvaged = salvage(input);
    return {
      ok: false,
      issues: [
        ...zodIssuesToPlaybookIssues(parsed.error.issues, input),
        ...salvaged ? [
          ...droppedKeys(input),
          ...checkReferences(salvaged.playbook, salvaged.declared, salvaged.indexOf).filter((issue2) => !salvaged.replaced.some((path) => isWithin(issue2.path, path)))
        ] : []
      ]
    };
  }
  const issues = [...droppedKeys(input), ...checkReferences(parsed.data, declaredIn(parsed.data))];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, playbook: parsed.data };
}
function droppedKeys(input) {
  return ["fields", "calendars", "roles"].flatMap((section) => {
    const record2 = input[section];
    return typeof record2 === "object" && record2 !== null && Object.prototype.hasOwnProperty.call(record2, "__proto__") ? [{ path: formatPath([section, "__proto__"]), message: reservedNameMessage("__proto__") }] : [];
  });
}
var Collector = class {
  constructor(indexOf = {}) {
    __publicField(this, "indexOf");
    __publicField(this, "issues", []);
    this.indexOf = indexOf;
  }
  /** The path in the admin's text: a list checked in part counts its entries as written. */
  where(path) {
    const [section, index, ...rest] = path;
    const at = typeof section === "string" ? this.indexOf[section] : void 0;
    return at && typeof index === "number" ? formatPath([section, at[index] ?? index, ...rest]) : formatPath(path);
  }
  add(path, message, hint) {
    this.issues.push(hint === void 0 ? { path: this.where(path), message } : { path: this.where(path), message, hint });
  }
  /** Reports `id` at `path` unless it is one of `known`. Returns whether it was known. */
  ref(path, id, known, what) {
    const set = known instanceof Set ? known : new Set(known);
    if (set.has(id))
      return true;
    this.add(path, `names ${what} \`${id}\`, which the playbook does not declare.`, didYouMean(id, set));
    return false;
  }
  unique(path, items, what) {
    const seen = /* @__PURE__ */ new Map();
    items.forEach((item2, index) => {
      const first = seen.get(item2.id);
      if (first === void 0)
        seen.set(item2.id, index);
      else
        this.add([...path, index, "id"], `repeats the ${what} id \`${item2.id}\` already used at ${this.where([...path, first])}.`);
    });
  }
};
var COMPARABLE = /* @__PURE__ */ new Set(["number", "date", "datetime"]);
function checkReferences(playbook, declared, indexOf) {
  const c = new Collector(indexOf);
  const fieldIds = declared.fields;
  const roleIds = declared.roles;
  const stageIds = declared.stages;
  const handoffIds = declared.handoffs;
  const crmName = (path, name) => {
    if (isReservedName(name))
      c.add(path, reservedNameMessage(name));
  };
  for (const [id, field] of Object.entries(playbook.fields)) {
    crmName(["fields", id, "hubspot"], field.hubspot);
    crmName(["fields", id, "salesforce"], field.salesforce);
    if (field.type === "choice" && !field.options)
      c.add(["fields", id, "options"], "is required for a choice field: list the values it may take.");
  }
  const compiled2 = /* @__PURE__ */ new Map();
  for (const [id, def] of Object.entries(playbook.calendars)) {
    try {
      compiled2.set(id, compileCalendar(def));
    } catch (error) {
      if (!(error instanceof CalendarError))
        throw error;
      c.add(["calendars", id, ...error.path], error.message);
    }
  }
  c.unique(["stages"], playbook.stages, "stage");
  const hubspotStageOwner = /* @__PURE__ */ new Map();
  const salesforceStageOwner = /* @__PURE__ */ new Map();
  for (const [id, role] of Object.entries(playbook.roles))
    role.hubspotTeams?.forEach((team, t) => crmName(["roles", id, "hubspotTeams", t], team));
  playbook.stages.forEach((stage, s) => {
    const object2 = objectOfStage(stage);
    const hubspot = stage.hubspot;
    if (hubspot && "pipelineId" in hubspot) {
      crmName(["stages", s, "hubspot", "pipelineId"], hubspot.pipelineId);
      if (object2 !== "deal")
        c.add(["stages", s, "hubspot"], `maps pipeline stages, which only deals have; a ${object2} stage maps the values of a property: \`{ property: lifecyclestage, values: [...] }\`.`);
    }
    if (hubspot && "property" in hubspot) {
      crmName(["stages", s, "hubspot", "property"], hubspot.property);
      if (object2 === "deal")
        c.add(["stages", s, "hubspot"], "maps property values, which contact and company stages use; a deal stage maps pipeline stages: `{ pipelineId, stageIds: [...] }`.");
    }
    const hubspotValues = hubspot ? "stageIds" in hubspot ? hubspot.stageIds : hubspot.values : [];
    const valuesKey = hubspot && "stageIds" in hubspot ? "stageIds" : "values";
    hubspotValues.forEach((value2, i) => {
      crmName(["stages", s, "hubspot", valuesKey, i], value2);
      const key = hubspot && "pipelineId" in hubspot ? `${hubspot.pipelineId}/${value2}` : `${object2}:${hubspot?.property}=${value2}`;
      const owner = hubspotStageOwner.get(key);
      if (owner !== void 0)
        c.add(["stages", s, "hubspot", valuesKey, i], `maps HubSpot stage \`${value2}\` already mapped by stage \`${owner}\`.`);
      hubspotStageOwner.set(key, stage.id);
    });
    const salesforce = stage.salesforce;
    if (salesforce && "stageNames" in salesforce && object2 !== "deal")
      c.add(["stages", s, "salesforce"], `maps Opportunity stage names, which only deals have; a ${object2} stage maps the values of a ${object2 === "contact" ? "Lead" : "Account"} field: \`{ field: ${object2 === "contact" ? "Status" : "Type"}, values: [...] }\`.`);
    if (salesforce && "field" in salesforce) {
      crmName(["stages", s, "salesforce", "field"], salesforce.field);
      if (object2 === "deal")
        c.add(["stages", s, "salesforce"], "maps field values, which Lead and Account stages use; a deal stage maps Opportunity stage names: `{ stageNames: [...] }`.");
    }
    const salesforceValues = salesforce ? "stageNames" in salesforce ? salesforce.stageNames : salesforce.values : [];
    const namesKey = salesforce && "stageNames" in salesforce ? "stageNames" : "values";
    salesforceValues.forEach((name, i) => {
      crmName(["stages", s, "salesforce", namesKey, i], name);
      const key = salesforce && "field" in salesforce ? `${object2}:${salesforce.field}=${name}` : name;
      const owner = salesforceStageOwner.get(key);
      if (owner !== void 0)
        c.add(["stages", s, "salesforce", namesKey, i], `maps Salesforce stage "${name}" already mapped by stage \`${owner}\`.`);
      salesforceStageOwner.set(key, stage.id);
    });
    for (const side of ["entry", "exit"]) {
      checkCriteria(c, playbook, ["stages", s, side], stage[side]);
    }
  });
  c.unique(["checklists"], playbook.checklists, "checklist");
  playbook.checklists.forEach((list2, l) => {
    c.unique(["checklists", l, "items"], list2.items, "item");
    list2.items.forEach((item2, i) => {
      const at = ["checklists", l, "items", i];
      if (item2.kind === "choice" && !item2.options)
        c.add([...at, "options"], "is required for a choice item: list the answers to pick from.");
      if (item2.kind !== "choice" && item2.options)
        c.add([...at, "options"], `only applies to choice items; this item is a ${item2.kind} item.`);
      if (item2.owner !== void 0)
        c.ref([...at, "owner"], item2.owner, roleIds, "the role");
      if (item2.field !== void 0)
        c.ref([...at, "field"], item2.field, fieldIds, "the field");
      if (item2.dealField !== void 0)
        c.ref([...at, "dealField"], item2.dealField, fieldIds, "the field");
    });
  });
  c.unique(["handoffs"], playbook.handoffs, "handoff");
  playbook.handoffs.forEach((handoff2, h) => {
    const at = ["handoffs", h];
    c.ref([...at, "checklist"], handoff2.checklist, declared.checklists, "the checklist");
    c.ref([...at, "opensAt"], handoff2.opensAt, stageIds, "the stage");
    for (const key of ["submit", "accept", "reject"]) {
      handoff2[key].forEach((role, r) => c.ref([...at, key, r], role, roleIds, "the role"));
    }
    c.unique([...at, "rejectReasons"], handoff2.rejectReasons, "reject reason");
    for (const key of ["onAccept", "onReject"]) {
      const move = handoff2[key];
      if (move)
        c.ref([...at, key, "stage"], move.stage, stageIds, "the stage");
    }
    checkCriteria(c, playbook, [...at, "criteria"], handoff2.criteria);
  });
  const calendarIds = [...declared.calendars];
  c.unique(["slas"], playbook.slas, "SLA");
  playbook.slas.forEach((sla, i) => {
    const at = ["slas", i];
    const events2 = [
      [[...at, "start"], sla.start],
      ...stopsOf(sla).map((stop, s) => [
        Array.isArray(sla.stop) ? [...at, "stop", s] : [...at, "stop"],
        stop
      ])
    ];
    for (const [where, event2] of events2) {
      const side = where.slice(2);
      if ("stage" in event2)
        c.ref([...at, ...side, "stage"], event2.stage, stageIds, "the stage");
      if ("handoff" in event2)
        c.ref([...at, ...side, "handoff"], event2.handoff, handoffIds, "the handoff");
      if ("field" in event2 && c.ref([...at, ...side, "field"], event2.field, fieldIds, "the field")) {
        const type = playbook.fields[event2.field]?.type;
        if (event2.on === "field_date" && type !== void 0 && type !== "date" && type !== "datetime") {
          c.add([...at, ...side, "field"], `must be a date or datetime field to start a timer; \`${event2.field}\` is a ${type} field.`);
        }
      }
    }
    sla.pause.forEach((pause, p) => c.ref([...at, "pause", p, "handoff"], pause.handoff, handoffIds, "the handoff"));
    if (sla.calendar !== void 0)
      c.ref([...at, "calendar"], sla.calendar, calendarIds, "the calendar");
    if (sla.waitsOn !== void 0)
      c.ref([...at, "waitsOn"], sla.waitsOn, roleIds, "the role");
    const usesBusinessTime = [
      sla.target,
      ...sla.warn && "before" in sla.warn ? [sla.warn.before] : []
    ].some((d) => d.unit !== "calendar_hours");
    if (usesBusinessTime && sla.calendar === void 0 && calendarIds.length > 0) {
      c.add([...at, "calendar"], "is required for a target in business time; name one of the playbook's calendars.", `one of: ${calendarIds.join(", ")}`);
    }
    const calendarId = sla.calendar;
    const def = calendarId === void 0 ? void 0 : playbook.calendars[calendarId];
    const calendarCompiled = calendarId === void 0 ? void 0 : compiled2.get(calendarId);
    const durations = [
      [[...at, "target"], sla.target],
      ...sla.warn && "before" in sla.warn ? [[[...at, "warn", "before"], sla.warn.before]] : [],
      ...sla.escalations.flatMap((escalation, e) => escalation.after ? [[[...at, "escalations", e, "after"], escalation.after]] : [])
    ];
    for (const [where, duration2] of durations) {
      const issue2 = durationIssue(where, duration2, calendarId !== void 0 && def && calendarCompiled ? { id: calendarId, def, compiled: calendarCompiled } : void 0);
      if (issue2)
        c.add(issue2.path, issue2.message);
    }
    sla.escalations.forEach((escalation, e) => {
      if (escalation.after !== void 0 && escalation.when !== "breached") {
        c.add([...at, "escalations", e, "after"], "only applies when `when` is `breached`.");
      }
      if (typeof escalation.to === "object" && "role" in escalation.to) {
        c.ref([...at, "escalations", e, "to", "role"], escalation.to.role, roleIds, "the role");
      }
      if (escalation.action === "reassign" && !(typeof escalation.to === "object" && "user" in escalation.to)) {
        c.add([...at, "escalations", e, "to"], "must name one user (`user: <id>`) to reassign the record to.");
      }
    });
  });
  for (const issue2 of objectIssues(playbook))
    c.add(issue2.path, issue2.message);
  return c.issues;
  function checkCriteria(col, pb, path, criteria) {
    col.unique(path, criteria, "criterion");
    criteria.forEach((criterion2, i) => checkRule(col, pb, declared, [...path, i, "rule"], criterion2.rule));
  }
}
function checkRule(c, playbook, declared, path, rule2) {
  const fieldIds = declared.fields;
  const handoffIds = declared.handoffs;
  switch (rule2.op) {
    case "all":
    case "any":
      rule2.rules.forEach((r, i) => checkRule(c, playbook, declared, [...path, "rules", i], r));
      return;
    case "not":
      checkRule(c, playbook, declared, [...path, "rule"], rule2.rule);
      return;
    case "checklist_complete":
    case "handoff_status":
      c.ref([...path, "handoff"], rule2.handoff, handoffIds, "the handoff");
      return;
    case "item_done": {
      if (!c.ref([...path, "handoff"], rule2.handoff, handoffIds, "the handoff"))
        return;
      const handoff2 = playbook.handoffs.find((h) => h.id === rule2.handoff);
      const list2 = playbook.checklists.find((l) => l.id === handoff2?.checklist);
      if (list2 === void 0)
        return;
      const items = list2.items;
      c.ref([...path, "item"], rule2.item, items.map((i) => i.id), `an item of the checklist of \`${rule2.handoff}\`, the item`);
      return;
    }
    default: {
      if (!c.ref([...path, "field"], rule2.field, fieldIds, "the field"))
        return;
      const field = playbook.fields[rule2.field];
      if (field === void 0)
        return;
      if ((rule2.op === "gt" || rule2.op === "gte" || rule2.op === "lt" || rule2.op === "lte") && !COMPARABLE.has(field.type)) {
        c.add([...path, "op"], `\`${rule2.op}\` compares numbers or dates; \`${rule2.field}\` is a ${field.type} field.`);
      }
      if ((rule2.op === "gt" || rule2.op === "gte" || rule2.op === "lt" || rule2.op === "lte") && field.type === "number" && typeof rule2.value !== "number") {
        c.add([...path, "value"], `must be a number to compare with the number field \`${rule2.field}\`.`);
      }
      if ((rule2.op === "gt" || rule2.op === "gte" || rule2.op === "lt" || rule2.op === "lte") && field.type !== "number" && COMPARABLE.has(field.type) && (typeof rule2.value !== "string" || Number.isNaN(Date.parse(rule2.value)))) {
        c.add([...path, "value"], `must be a date written "YYYY-MM-DD" to compare with the date field \`${rule2.field}\`.`);
      }
      if (rule2.op === "matches") {
        const pattern = patternOf(rule2.pattern);
        if (pattern instanceof PatternError)
          c.add([...path, "pattern"], pattern.message);
      }
      if (field.type === "choice" && field.options && (rule2.op === "eq" || rule2.op === "neq" || rule2.op === "in")) {
        const values = rule2.op === "in" ? rule2.values : [rule2.value];
        values.forEach((value2, i) => {
          if (!field.options?.includes(String(value2))) {
            const at = rule2.op === "in" ? [...path, "values", i] : [...path, "value"];
            c.add(at, `is not one of the options of \`${rule2.field}\` (${field.options?.join(", ")}).`, didYouMean(String(value2), field.options ?? []));
          }
        });
      }
    }
  }
}

// shared/dist/src/playbook/locate.js
function locateIssues(issues, positionOf) {
  const located = issues.map((issue2) => {
    if (issue2.line !== void 0)
      return issue2;
    const path = parsePath(issue2.path);
    for (let n = path.length; n >= 0; n--) {
      const at = positionOf(path.slice(0, n));
      if (at)
        return { ...issue2, line: at.line, column: at.column };
    }
    return issue2;
  });
  return located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
function positionAt(text2) {
  const starts = [0];
  for (let i = 0; i < text2.length; i++)
    if (text2[i] === "\n")
      starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((starts[mid] ?? 0) <= offset)
        low = mid;
      else
        high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1, offset };
  };
}
function jsonPositions(text2) {
  const offsets = /* @__PURE__ */ new Map();
  const toPosition = positionAt(text2);
  let i = 0;
  const space = () => {
    while (i < text2.length && " 	\r\n".includes(text2[i] ?? ""))
      i++;
  };
  const string3 = () => {
    const start = i++;
    while (i < text2.length && text2[i] !== '"')
      i += text2[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text2.slice(start, i));
  };
  const value2 = (path) => {
    space();
    const open = text2[i];
    if (open !== "{" && open !== "[") {
      if (open === '"')
        string3();
      else
        while (i < text2.length && !",]} 	\r\n".includes(text2[i] ?? ""))
          i++;
      return;
    }
    i++;
    for (let n = 0; i < text2.length; n++) {
      space();
      if (text2[i] === "}" || text2[i] === "]")
        break;
      if (open === "{") {
        const at = i;
        const key = string3();
        offsets.set(formatPath([...path, key]), at);
        space();
        i++;
        value2([...path, key]);
      } else {
        offsets.set(formatPath([...path, n]), i);
        value2([...path, n]);
      }
      space();
      if (text2[i] === ",")
        i++;
    }
    i++;
  };
  try {
    space();
    offsets.set("", i);
    value2([]);
  } catch {
  }
  return (path) => {
    const offset = offsets.get(formatPath(path));
    return offset === void 0 ? void 0 : toPosition(offset);
  };
}
function jsonSyntaxIssue(text2, error) {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const issue2 = { path: "", message: `is not valid JSON: ${message}.` };
  if (!position)
    return issue2;
  const at = positionAt(text2)(Number(position[1]));
  return { ...issue2, line: at.line, column: at.column };
}

// shared/dist/src/playbook/sha256.js
var PRIMES = [];
for (let n = 2; PRIMES.length < 64; n++)
  if (PRIMES.every((p) => n % p !== 0))
    PRIMES.push(n);
var fraction32 = (x) => (x - Math.floor(x)) * 2 ** 32 >>> 0;
var K = Uint32Array.from(PRIMES, (p) => fraction32(Math.cbrt(p)));
var H0 = Uint32Array.from(PRIMES.slice(0, 8), (p) => fraction32(Math.sqrt(p)));
function utf8(text2) {
  const bytes = [];
  for (let i = 0; i < text2.length; i++) {
    let c = text2.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < text2.length) {
      const low = text2.charCodeAt(i + 1);
      if (low >= 56320 && low <= 57343) {
        c = 65536 + (c - 55296 << 10) + (low - 56320);
        i++;
      }
    }
    if (c >= 55296 && c <= 57343)
      c = 65533;
    if (c < 128)
      bytes.push(c);
    else if (c < 2048)
      bytes.push(192 | c >> 6, 128 | c & 63);
    else if (c < 65536)
      bytes.push(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63);
    else
      bytes.push(240 | c >> 18, 128 | c >> 12 & 63, 128 | c >> 6 & 63, 128 | c & 63);
  }
  return bytes;
}
function sha256Hex(text2) {
  const bytes = utf8(text2);
  const bitLength = bytes.length * 8;
  bytes.push(128);
  while (bytes.length % 64 !== 56)
    bytes.push(0);
  bytes.push(0, 0, 0, 0, bitLength >>> 24, bitLength >>> 16 & 255, bitLength >>> 8 & 255, bitLength & 255);
  const h = H0.slice();
  const w = new Uint32Array(64);
  const rotr = (x, n) => x >>> n | x << 32 - n;
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const at = block + t * 4;
      w[t] = (bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3]) >>> 0;
    }
    for (let t = 16; t < 64; t++) {
      const a2 = w[t - 15];
      const b2 = w[t - 2];
      const s0 = rotr(a2, 7) ^ rotr(a2, 18) ^ a2 >>> 3;
      const s1 = rotr(b2, 17) ^ rotr(b2, 19) ^ b2 >>> 10;
      w[t] = w[t - 16] + s0 + w[t - 7] + s1 >>> 0;
    }
    let a = h[0];
    let b = h[1];
    let c = h[2];
    let d = h[3];
    let e = h[4];
    let f = h[5];
    let g = h[6];
    let hh = h[7];
    for (let t = 0; t < 64; t++) {
      const t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (e & f ^ ~e & g) + K[t] + w[t] >>> 0;
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + (a & b ^ a & c ^ b & c) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = d + t1 >>> 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => h[i] = h[i] + v);
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

// shared/dist/src/playbook/fingerprint.js
var FINGERPRINT_LENGTH = 8;
function canonicalJson(value2) {
  if (Array.isArray(value2))
    return `[${value2.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (value2 !== null && typeof value2 === "object") {
    const members2 = Object.keys(value2).sort().flatMap((key) => {
      const member = value2[key];
      return member === void 0 ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
    });
    return `{${members2.join(",")}}`;
  }
  return JSON.stringify(value2);
}
var digests = /* @__PURE__ */ new WeakMap();
function playbookFingerprint(playbook) {
  let digest = digests.get(playbook);
  if (digest === void 0) {
    digest = sha256Hex(canonicalJson(playbook)).slice(0, FINGERPRINT_LENGTH);
    digests.set(playbook, digest);
  }
  return digest;
}

// shared/dist/src/rules/coerce.js
var EMPTY = { kind: "empty" };
var DIGITS = /^-?\d+$/;
function coerce(field, raw) {
  if (raw === void 0 || raw === null)
    return EMPTY;
  if (typeof raw === "string" && raw.trim() === "")
    return EMPTY;
  switch (field.type) {
    case "number":
      return toNumber(raw);
    case "date":
    case "datetime":
      return toInstant(raw);
    case "boolean":
      return toBoolean(raw);
    case "text":
    case "choice":
      if (typeof raw === "string")
        return { kind: "value", value: raw.trim() };
      if (typeof raw === "number" || typeof raw === "boolean")
        return { kind: "value", value: String(raw) };
      return { kind: "invalid", reason: `${describeRaw(raw)} is not text` };
  }
}
function toNumber(raw) {
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "value", value: raw } : invalid(raw, "a number");
  if (typeof raw === "string") {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? { kind: "value", value: n } : invalid(raw, "a number");
  }
  return invalid(raw, "a number");
}
function toInstant(raw) {
  let t = NaN;
  if (typeof raw === "number")
    t = raw;
  else if (typeof raw === "string")
    t = DIGITS.test(raw.trim()) ? Number(raw.trim()) : Date.parse(raw);
  return Number.isFinite(t) && t >= MIN_INSTANT && t <= MAX_INSTANT ? { kind: "value", value: Math.round(t) } : invalid(raw, "a date");
}
function toBoolean(raw) {
  if (typeof raw === "boolean")
    return { kind: "value", value: raw };
  if (typeof raw === "string") {
    const s = raw.trim().toLowerCase();
    if (s === "true")
      return { kind: "value", value: true };
    if (s === "false")
      return { kind: "value", value: false };
  }
  return invalid(raw, "true or false");
}
function invalid(raw, wanted) {
  return { kind: "invalid", reason: `${describeRaw(raw)} is not ${wanted}` };
}
function describeRaw(raw) {
  if (typeof raw === "string")
    return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (typeof raw === "number" || typeof raw === "boolean")
    return String(raw);
  if (Array.isArray(raw))
    return "a list";
  return typeof raw === "object" ? "an object" : typeof raw;
}

// shared/dist/src/handoff/items.js
function checklistOf(playbook, handoff2) {
  return playbook.checklists.find((list2) => list2.id === handoff2.checklist);
}
function completes(kind, value2) {
  if (kind === "check")
    return value2 === true;
  if (value2 === null || value2 === false)
    return false;
  return typeof value2 !== "string" || value2.trim() !== "";
}
function itemStatus(playbook, item2, state, fields) {
  if (item2.field !== void 0) {
    const def = playbook.fields[item2.field];
    const coerced = def ? coerce(def, fields[item2.field]) : { kind: "empty" };
    if (coerced.kind !== "value")
      return { value: null, done: false };
    const value2 = item2.kind === "date" && typeof coerced.value === "number" ? new Date(coerced.value).toISOString().slice(0, 10) : coerced.value;
    return { value: value2, done: completes(item2.kind, value2) };
  }
  const recorded = state?.items[item2.id];
  if (!recorded)
    return { value: null, done: false };
  return { value: recorded.value, done: recorded.done, by: recorded.by, at: recorded.at };
}
function missingRequiredItems(playbook, handoff2, state, fields) {
  const list2 = checklistOf(playbook, handoff2);
  if (!list2)
    return [];
  return list2.items.filter((item2) => item2.required && !itemStatus(playbook, item2, state, fields).done);
}

// shared/dist/src/rules/format.js
var numbers;
function formatValue(type, value2) {
  if ((type === "date" || type === "datetime") && typeof value2 === "number") {
    const iso2 = new Date(value2).toISOString();
    return type === "date" ? iso2.slice(0, 10) : `${iso2.slice(0, 16).replace("T", " ")} UTC`;
  }
  if (typeof value2 === "number") {
    numbers ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
    return numbers.format(value2);
  }
  if (typeof value2 === "string")
    return `"${value2}"`;
  return String(value2);
}

// shared/dist/src/rules/evaluate.js
function evaluateCriterion(criterion2, context) {
  const { outcome, reason } = evaluateRule(criterion2.rule, context);
  return {
    id: criterion2.id,
    label: criterion2.label,
    outcome,
    severity: criterion2.severity,
    reason
  };
}
function evaluateRule(rule2, context) {
  switch (rule2.op) {
    case "all":
    case "any":
      return combine(rule2.op, rule2.rules.map((r) => evaluateRule(r, context)));
    case "not": {
      const inner = evaluateRule(rule2.rule, context);
      const outcome = inner.outcome === "unknown" ? "unknown" : inner.outcome === "pass" ? "fail" : "pass";
      return {
        outcome,
        reason: outcome === "fail" ? `It must not hold that: ${inner.reason}` : inner.reason
      };
    }
    case "checklist_complete":
      return checklistComplete(rule2.handoff, context);
    case "item_done":
      return itemDone(rule2.handoff, rule2.item, context);
    case "handoff_status": {
      const handoff2 = context.playbook.handoffs.find((h) => h.id === rule2.handoff);
      const status = context.handoffs[rule2.handoff]?.status ?? "not_started";
      const label = handoff2?.label ?? rule2.handoff;
      const wanted = rule2.in.map(words).join(" or ");
      return rule2.in.includes(status) ? { outcome: "pass", reason: `${label} is ${words(status)}.` } : { outcome: "fail", reason: `${label} is ${words(status)}; it must be ${wanted}.` };
    }
    default:
      return fieldRule(rule2, context);
  }
}
function fieldRule(rule2, context) {
  const def = context.playbook.fields[rule2.field];
  if (!def)
    return { outcome: "unknown", reason: `The field \`${rule2.field}\` is not in the playbook.` };
  const requirement = describeRequirement(rule2, def);
  const value2 = coerce(def, context.fields[rule2.field]);
  if (value2.kind === "invalid") {
    return { outcome: "unknown", reason: `${def.label} could not be read: ${value2.reason}.` };
  }
  if (value2.kind === "empty") {
    const outcome = rule2.op === "absent" || rule2.op === "neq" ? "pass" : "fail";
    return {
      outcome,
      reason: outcome === "pass" ? `${def.label} is empty, as required.` : `${def.label} is empty; it ${requirement}.`
    };
  }
  const shown = formatValue(def.type, value2.value);
  if (rule2.op === "matches") {
    const pattern = patternOf(rule2.pattern);
    const text2 = String(value2.value);
    if (!(pattern instanceof PatternError) && text2.length > longestMatchable(pattern)) {
      return {
        outcome: "unknown",
        reason: `${def.label} is too long (${text2.length} characters) to check against the pattern /${rule2.pattern}/; it is checked up to ${longestMatchable(pattern)}.`
      };
    }
  }
  const holds = compare(rule2, def, value2.value);
  if (holds === void 0) {
    return {
      outcome: "unknown",
      reason: `${def.label} is ${shown}, which cannot be checked: the rule's value does not fit a ${def.type} field.`
    };
  }
  return holds ? { outcome: "pass", reason: `${def.label} is ${shown}.` } : { outcome: "fail", reason: `${def.label} is ${shown}; it ${requirement}.` };
}
function compare(rule2, def, actual) {
  switch (rule2.op) {
    case "present":
      return true;
    case "absent":
      return false;
    case "eq":
    case "neq": {
      const expected = ruleValue(def, rule2.value);
      if (expected === void 0)
        return void 0;
      return expected === actual === (rule2.op === "eq");
    }
    case "in":
      return rule2.values.some((v) => ruleValue(def, v) === actual);
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const expected = ruleValue(def, rule2.value);
      if (typeof expected !== "number" || typeof actual !== "number")
        return void 0;
      if (rule2.op === "gt")
        return actual > expected;
      if (rule2.op === "gte")
        return actual >= expected;
      if (rule2.op === "lt")
        return actual < expected;
      return actual <= expected;
    }
    case "contains":
      return String(actual).toLowerCase().includes(rule2.value.toLowerCase());
    case "matches": {
      const pattern = patternOf(rule2.pattern);
      return pattern instanceof PatternError ? void 0 : testPattern(pattern, String(actual));
    }
  }
}
function ruleValue(def, raw) {
  const coerced = coerce(def, raw);
  return coerced.kind === "value" ? coerced.value : void 0;
}
function describeRequirement(rule2, def) {
  const dated = def.type === "date" || def.type === "datetime";
  const show = (raw) => {
    const v = ruleValue(def, raw);
    return v === void 0 ? JSON.stringify(raw) : formatValue(def.type, v);
  };
  switch (rule2.op) {
    case "present":
      return "must be filled in";
    case "absent":
      return "must be empty";
    case "eq":
      return `must be ${show(rule2.value)}`;
    case "neq":
      return `must not be ${show(rule2.value)}`;
    case "in":
      return `must be one of ${rule2.values.map(show).join(", ")}`;
    case "gt":
      return `must be ${dated ? "after" : "more than"} ${show(rule2.value)}`;
    case "gte":
      return `must be ${dated ? "on or after" : "at least"} ${show(rule2.value)}`;
    case "lt":
      return `must be ${dated ? "before" : "less than"} ${show(rule2.value)}`;
    case "lte":
      return `must be ${dated ? "on or before" : "at most"} ${show(rule2.value)}`;
    case "contains":
      return `must contain "${rule2.value}"`;
    case "matches":
      return `must match the pattern /${rule2.pattern}/`;
  }
}
function checklistComplete(handoffId, context) {
  const handoff2 = context.playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff2)
    return { outcome: "unknown", reason: `The handoff \`${handoffId}\` is not in the playbook.` };
  const missing = missingRequiredItems(context.playbook, handoff2, context.handoffs[handoffId], context.fields);
  if (missing.length === 0)
    return { outcome: "pass", reason: `Every required item of ${handoff2.label} is done.` };
  const names = missing.map((item2) => item2.label);
  return {
    outcome: "fail",
    reason: `${handoff2.label} has ${missing.length} required ${missing.length === 1 ? "item" : "items"} to do: ${names.join(", ")}.`
  };
}
function itemDone(handoffId, itemId, context) {
  const handoff2 = context.playbook.handoffs.find((h) => h.id === handoffId);
  const item2 = handoff2 ? checklistOf(context.playbook, handoff2)?.items.find((i) => i.id === itemId) : void 0;
  if (!handoff2 || !item2)
    return {
      outcome: "unknown",
      reason: `The item \`${itemId}\` of \`${handoffId}\` is not in the playbook.`
    };
  const status = itemStatus(context.playbook, item2, context.handoffs[handoffId], context.fields);
  return status.done ? { outcome: "pass", reason: `${item2.label} (${handoff2.label}) is done.` } : { outcome: "fail", reason: `${item2.label} (${handoff2.label}) is not done.` };
}
function combine(op, results) {
  const failing = results.filter((r) => r.outcome === "fail");
  const unknown2 = results.filter((r) => r.outcome === "unknown");
  const passing = results.filter((r) => r.outcome === "pass");
  const join = (rs) => rs.map((r) => r.reason).join(" ");
  if (op === "all") {
    if (failing.length > 0)
      return { outcome: "fail", reason: join(failing) };
    if (unknown2.length > 0)
      return { outcome: "unknown", reason: join(unknown2) };
    return { outcome: "pass", reason: join(passing) };
  }
  if (passing.length > 0)
    return { outcome: "pass", reason: join(passing.slice(0, 1)) };
  if (unknown2.length > 0)
    return { outcome: "unknown", reason: join(unknown2) };
  return { outcome: "fail", reason: `None of these holds: ${join(failing)}` };
}
function words(status) {
  return status.replace("_", " ");
}

// shared/dist/src/handoff/open.js
function isHandoffOpen(playbook, handoff2, snapshot) {
  if (snapshot.handoffs[handoff2.id] !== void 0)
    return true;
  if (snapshot.stage === handoff2.opensAt)
    return true;
  if (snapshot.stageHistory.some((entry) => entry.stage === handoff2.opensAt))
    return true;
  const opening = playbook.stages.findIndex((s) => s.id === handoff2.opensAt);
  const current = playbook.stages.findIndex((s) => s.id === snapshot.stage);
  if (opening < 0 || current <= opening)
    return false;
  const currentOutcome = playbook.stages[current]?.outcome;
  return currentOutcome === void 0 || currentOutcome === playbook.stages[opening]?.outcome;
}

// shared/dist/src/handoff/transitions.js
var TRANSITIONS = [
  {
    action: "set_item",
    from: ["not_started", "in_progress", "rejected"],
    to: "in_progress",
    by: "submit",
    event: "item_set"
  },
  {
    action: "submit",
    from: ["not_started", "in_progress"],
    to: "submitted",
    by: "submit",
    event: "submitted"
  },
  { action: "withdraw", from: ["submitted"], to: "in_progress", by: "submit", event: "withdrawn" },
  { action: "accept", from: ["submitted"], to: "accepted", by: "accept", event: "accepted" },
  { action: "reject", from: ["submitted"], to: "rejected", by: "reject", event: "rejected" },
  { action: "reopen", from: ["rejected"], to: "in_progress", by: "submit", event: "reworked" }
];
function transitionFor(action) {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition)
    throw new Error(`no transition for ${action}`);
  return transition;
}

// shared/dist/src/handoff/roles.js
function holdsAny(viewer, roles) {
  return viewer.roles.some((role) => roles.includes(role));
}
function roleLabels(roles, labels) {
  const names = roles.map((r) => labels[r]?.label ?? r);
  return names.length <= 1 ? names[0] ?? "" : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
function rolesFor(handoff2, action) {
  return handoff2[transitionFor(action).by];
}

// shared/dist/src/handoff/apply.js
var INITIAL_STATE = Object.freeze({
  status: "not_started",
  version: 0,
  items: {},
  events: []
});
var MAX_TEXT = 5e3;
var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function applyHandoffAction(playbook, snapshot, request, viewer, now) {
  const parsed = HandoffRequestSchema.safeParse(request);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".") || "request").join(", ");
    return refuse("invalid_value", `The request is malformed (${where}).`, { fields: where });
  }
  if (!RecordSnapshotSchema.safeParse(snapshot).success) {
    return refuse("invalid_value", "The record could not be read, so nothing was changed. Reload and try again.", {});
  }
  return decideHandoffAction(playbook, snapshot, parsed.data, viewer, now);
}
function decideHandoffAction(whole, snapshot, request, viewer, now) {
  const playbook = playbookForRecord(whole, snapshot);
  const { handoffId, actionId, expectedVersion, action } = request;
  const handoff2 = playbook.handoffs.find((h) => h.id === handoffId);
  if (!handoff2)
    return refuse("unknown_handoff", `There is no handoff called "${handoffId}" in the playbook.`, {
      handoffId
    });
  const state = snapshot.handoffs[handoffId] ?? INITIAL_STATE;
  if (state.events.some((e) => e.actionId === actionId)) {
    return { ok: true, state, events: [], duplicate: true };
  }
  if (!isHandoffOpen(playbook, handoff2, snapshot)) {
    const stage = playbook.stages.find((s) => s.id === handoff2.opensAt)?.label ?? handoff2.opensAt;
    return refuse("closed", `${handoff2.label} opens when the record reaches ${stage}.`, {
      handoffId,
      opensAt: handoff2.opensAt
    });
  }
  if (state.status === "accepted") {
    return refuse("closed", `${handoff2.label} was accepted; it can no longer change.`, {
      handoffId,
      status: state.status
    });
  }
  const allowedRoles = rolesFor(handoff2, action.type);
  const ownerRole = action.type === "set_item" ? itemDef(playbook, handoff2, action.itemId)?.owner : void 0;
  if (!holdsAny(viewer, ownerRole ? [...allowedRoles, ownerRole] : allowedRoles)) {
    return refuse("not_allowed", `Only ${roleLabels(allowedRoles, playbook.roles)} may ${verb(action.type)} ${handoff2.label}.`, { handoffId, action: action.type, roles: [...allowedRoles] });
  }
  if (action.type !== "set_item" && expectedVersion !== void 0 && expectedVersion !== state.version) {
    return refuse("conflict", `Someone else changed ${handoff2.label} while you were looking at it. Refresh to see the latest version.`, { handoffId, expectedVersion, currentVersion: state.version });
  }
  const context = { playbook, snapshot, handoff: handoff2, state, viewer, now, actionId };
  const transition = transitionFor(action.type);
  if (!transition.from.includes(state.status))
    return wrongState(context, action.type);
  switch (action.type) {
    case "set_item":
      return setItem(context, action.itemId, action.value);
    case "submit":
      return submit(context);
    case "reject":
      return reject(context, action);
    case "accept":
      return done(context, { status: transition.to }, [
        event(context, transition.event, {
          ...action.assigneeId ? { assigneeId: action.assigneeId } : {},
          ...action.linkedRecordId ? { linkedRecordId: action.linkedRecordId } : {}
        })
      ]);
    default:
      return done(context, { status: transition.to }, [event(context, transition.event, {})]);
  }
}
function setItem(step, itemId, value2) {
  const { playbook, handoff: handoff2, state } = step;
  const item2 = itemDef(playbook, handoff2, itemId);
  if (!item2) {
    return refuse("invalid_value", `${handoff2.label} has no checklist item "${itemId}".`, {
      handoffId: handoff2.id,
      itemId
    });
  }
  if (item2.field !== void 0) {
    const field = playbook.fields[item2.field]?.label ?? item2.field;
    return refuse("invalid_value", `${item2.label} comes from the record's ${field} field; change it there.`, { itemId, field: item2.field });
  }
  const problem = checkItemValue(item2, value2);
  if (problem)
    return refuse("invalid_value", `${item2.label} ${problem}`, { itemId, value: value2 });
  const events2 = [];
  if (state.status === "rejected")
    events2.push(event(step, "reworked", {}));
  events2.push(event(step, "item_set", { itemId, value: value2 }));
  const items = {
    ...state.items,
    [itemId]: { value: value2, done: completes(item2.kind, value2), by: step.viewer.userId, at: step.now }
  };
  return done(step, { status: "in_progress", items }, events2);
}
function submit(step) {
  const { playbook, snapshot, handoff: handoff2, state } = step;
  const missing = missingRequiredItems(playbook, handoff2, state, snapshot.fields);
  if (missing.length > 0) {
    return refuse("items_missing", `${handoff2.label} cannot be submitted yet: ${missing.map((i) => i.label).join(", ")} ${missing.length === 1 ? "is" : "are"} still to do.`, { handoffId: handoff2.id, items: missing.map((i) => i.id) });
  }
  const context = { playbook, fields: snapshot.fields, handoffs: snapshot.handoffs };
  const failing = handoff2.criteria.map((c) => evaluateCriterion(c, context)).filter((v) => v.severity === "block" && v.outcome !== "pass");
  if (failing.length > 0) {
    return refuse("criteria_failing", `${handoff2.label} cannot be submitted yet: ${failing.map((v) => v.reason).join(" ")}`, { handoffId: handoff2.id, criteria: failing.map((v) => v.id) });
  }
  return done(step, { status: "submitted" }, [event(step, "submitted", {})]);
}
function reject(step, action) {
  const reason = step.handoff.rejectReasons.find((r) => r.id === action.reason);
  if (!reason) {
    const known = step.handoff.rejectReasons.map((r) => r.label).join("; ");
    return refuse("invalid_value", `Choose one of the reasons for rejecting ${step.handoff.label}: ${known}.`, { reason: action.reason });
  }
  const comment = action.comment?.trim();
  const details = comment ? { reason: reason.id, comment } : { reason: reason.id };
  return done(step, { status: "rejected" }, [event(step, "rejected", details)]);
}
function done(step, change, events2) {
  const state = {
    ...step.state,
    ...change,
    version: step.state.version + 1,
    events: [...step.state.events, ...events2]
  };
  return { ok: true, state, events: events2, duplicate: false };
}
function event(step, type, details) {
  return { type, at: step.now, by: step.viewer.userId, actionId: step.actionId, details };
}
function wrongState(step, action) {
  const status = step.state.status.replace("_", " ");
  if (action === "set_item" && step.state.status === "submitted") {
    return refuse("not_allowed", `${step.handoff.label} is waiting for review; withdraw it before changing items.`, {
      handoffId: step.handoff.id,
      status: step.state.status,
      action
    });
  }
  return refuse("not_allowed", `${step.handoff.label} is ${status}, so it cannot be ${pastTense(action)} now.`, {
    handoffId: step.handoff.id,
    status: step.state.status,
    action
  });
}
function checkItemValue(item2, value2) {
  if (value2 === null)
    return void 0;
  switch (item2.kind) {
    case "check":
      return typeof value2 === "boolean" ? void 0 : "is a checkbox: it takes true or false.";
    case "text":
      if (typeof value2 !== "string")
        return "takes text.";
      return value2.length > MAX_TEXT ? `is too long (at most ${MAX_TEXT} characters).` : void 0;
    case "number":
      return typeof value2 === "number" && Number.isFinite(value2) ? void 0 : "takes a number.";
    case "date":
      return typeof value2 === "string" && ISO_DAY.test(value2) && !Number.isNaN(Date.parse(value2)) ? void 0 : "takes a date written YYYY-MM-DD.";
    case "choice":
      return typeof value2 === "string" && item2.options?.includes(value2) ? void 0 : `takes one of: ${item2.options?.join(", ") ?? ""}.`;
  }
}
function itemDef(playbook, handoff2, itemId) {
  return checklistOf(playbook, handoff2)?.items.find((i) => i.id === itemId);
}
function refuse(code, message, details) {
  return { ok: false, refusal: { code, message, details } };
}
function verb(action) {
  return action === "set_item" ? "edit the checklist of" : action === "reopen" ? "rework" : action;
}
function pastTense(action) {
  const words2 = {
    set_item: "edited",
    submit: "submitted",
    withdraw: "withdrawn",
    accept: "accepted",
    reject: "rejected",
    reopen: "reworked"
  };
  return words2[action];
}

// shared/dist/src/sla/live-stages.js
function stagesWhereSlaMayRun(whole, sla) {
  const playbook = scopedPlaybook(whole, objectOfSla(whole, sla));
  const startStage = sla.start.on === "stage_entered" ? sla.start.stage : sla.start.on === "field_date" ? void 0 : playbook.handoffs.find((h) => "handoff" in sla.start && h.id === sla.start.handoff)?.opensAt;
  const from = startStage === void 0 ? 0 : playbook.stages.findIndex((s) => s.id === startStage);
  const outcome = playbook.stages[from]?.outcome;
  const leftStops = new Set(stopsOf(sla).flatMap((s) => s.on === "stage_left" ? [s.stage] : []));
  return playbook.stages.filter((stage, index) => {
    if (index < from)
      return false;
    if (index > from && leftStops.has(startStage ?? ""))
      return false;
    return stage.outcome === void 0 || outcome === void 0 || stage.outcome === outcome || index === from;
  });
}

// shared/dist/src/record/next-step.js
function slasOfHandoff(playbook, handoffId) {
  return playbook.slas.filter((sla) => "handoff" in sla.start && sla.start.handoff === handoffId || stopsOf(sla).some((stop) => "handoff" in stop && stop.handoff === handoffId) || sla.pause.some((pause) => pause.handoff === handoffId));
}
function ballInCourt(playbook, handoff2, status, viewer) {
  if (status === "accepted")
    return void 0;
  const roles = status === "submitted" ? handoff2.accept : handoff2.submit;
  const action = status === "submitted" ? "accept" : status === "rejected" ? "reopen" : "submit";
  const first = roles[0] ?? "";
  return {
    roles: [...roles],
    label: playbook.roles[first]?.label ?? first,
    action,
    viewerMayAct: holdsAny(viewer, roles)
  };
}
function settledOf(playbook, handoff2, status, record2) {
  if (status === "accepted")
    return { reason: "accepted", summary: "Accepted." };
  if (dueIn(playbook, handoff2, [record2.stage]))
    return void 0;
  const stage = playbook.stages.find((s) => s.id === record2.stage);
  return {
    reason: "window_passed",
    summary: `No longer due: the record is at ${stage?.label ?? record2.stage}.`
  };
}
function isHandoffShown(playbook, handoff2, record2) {
  return isHandoffOpen(playbook, handoff2, record2) && ((record2.handoffs[handoff2.id]?.status ?? "not_started") !== "not_started" || dueIn(playbook, handoff2, [record2.stage, ...record2.stageHistory.map((e) => e.stage)]));
}
function dueIn(playbook, handoff2, stages) {
  const slas = slasOfHandoff(playbook, handoff2.id);
  return slas.length === 0 || slas.some((sla) => stages.some((s) => mayRunAt(playbook, sla, s)));
}
var LIVE = ["breached", "at_risk", "running", "paused"];
function governingTimer(playbook, handoff2, ball, timers) {
  const slas = new Set(slasOfHandoff(playbook, handoff2.id).map((s) => s.id));
  return timers.filter((t) => slas.has(t.slaId) && LIVE.includes(t.state) && t.waitsOn !== void 0 && ball.roles.includes(t.waitsOn.role)).sort(byPressure)[0];
}
function byPressure(a, b) {
  const rank = (t) => !t ? 3 : t.state === "breached" ? 0 : t.state === "paused" ? 2 : 1;
  const atRisk = (t) => t?.state === "at_risk" ? 0 : 1;
  return rank(a) - rank(b) || (a?.dueAt ?? Infinity) - (b?.dueAt ?? Infinity) || atRisk(a) - atRisk(b);
}
function ofNoHandoff(sla) {
  return !("handoff" in sla.start) && sla.pause.length === 0 && stopsOf(sla).every((stop) => !("handoff" in stop));
}
var windows = /* @__PURE__ */ new WeakMap();
function mayRunAt(playbook, sla, stage) {
  let bySla = windows.get(playbook);
  if (!bySla)
    windows.set(playbook, bySla = /* @__PURE__ */ new Map());
  let window = bySla.get(sla.id);
  if (!window) {
    window = new Set(stagesWhereSlaMayRun(playbook, sla).map((s) => s.id));
    bySla.set(sla.id, window);
  }
  return window.has(stage);
}
function slaSteps(playbook, timers, viewer, stage) {
  const steps = [];
  for (const timer2 of timers) {
    if (!timer2.waitsOn || !LIVE.includes(timer2.state))
      continue;
    const sla = playbook.slas.find((s) => s.id === timer2.slaId);
    if (!sla || !ofNoHandoff(sla))
      continue;
    const [stop] = stopsOf(sla);
    if (!stop || !mayRunAt(playbook, sla, stage))
      continue;
    const roles = [timer2.waitsOn.role];
    steps.push({
      kind: "sla",
      ball: { roles, label: timer2.waitsOn.label, viewerMayAct: holdsAny(viewer, roles) },
      stop: crmStop(playbook, stop),
      timer: stepTimer(timer2)
    });
  }
  return steps;
}
function crmStop(playbook, stop) {
  if (stop.on === "field_set")
    return {
      on: stop.on,
      target: { id: stop.field, label: playbook.fields[stop.field]?.label ?? stop.field }
    };
  if (stop.on === "stage_entered" || stop.on === "stage_left") {
    const label = playbook.stages.find((s) => s.id === stop.stage)?.label;
    return { on: stop.on, target: { id: stop.stage, label: label ?? stop.stage } };
  }
  return { on: "first_activity" };
}
function stepTimer(timer2) {
  return { slaId: timer2.slaId, label: timer2.label, state: timer2.state, dueAt: timer2.dueAt };
}
function nextStepOf(playbook, handoffs, timers, viewer, stage) {
  const steps = handoffs.flatMap((handoff2) => {
    const ball = handoff2.next;
    if (!ball || handoff2.settled)
      return [];
    const timer2 = governingTimer(playbook, handoff2, ball, timers);
    const action = ball.viewerMayAct ? handoff2.actions.find((a) => a.type === ball.action) : void 0;
    return [
      {
        kind: "handoff",
        handoffId: handoff2.id,
        handoffLabel: handoff2.label,
        ball,
        ...timer2 ? { timer: stepTimer(timer2) } : {},
        ...action ? { viewerAction: action } : {}
      }
    ];
  });
  steps.push(...slaSteps(playbook, timers, viewer, stage));
  let first = null;
  for (const step of steps)
    if (!first || comesFirst(step, first))
      first = step;
  return first;
}
function comesFirst(a, b) {
  const mine = Number(b.ball.viewerMayAct) - Number(a.ball.viewerMayAct);
  return (mine || byPressure(a.timer, b.timer)) < 0;
}

// shared/dist/src/sla/timer.js
function evaluateTimer(input) {
  checkTimerInput(input);
  const { calendar, startedAt, targetMs, now } = input;
  const active = activeSpans(startedAt, input.pauses ?? []);
  const completedAt = input.completedAt !== void 0 && input.completedAt !== null && input.completedAt <= now ? input.completedAt : null;
  const consumedMs = consumedUntil(calendar, active, completedAt ?? now);
  const dueAt = instantConsuming(calendar, startedAt, active, targetMs);
  const threshold = warningThreshold(input.warn, targetMs);
  const warningAt = threshold === null ? null : instantConsuming(calendar, startedAt, active, threshold);
  const paused = completedAt === null && isPaused(startedAt, active, now);
  return {
    state: stateOf(),
    paused,
    dueAt,
    warningAt,
    consumedMs,
    remainingMs: targetMs - consumedMs
  };
  function stateOf() {
    if (completedAt !== null)
      return consumedMs <= targetMs ? "met" : "met_late";
    if (now < startedAt)
      return "pending";
    if (consumedMs >= targetMs)
      return "breached";
    if (paused)
      return "paused";
    if (threshold !== null && consumedMs >= threshold)
      return "at_risk";
    return "running";
  }
}
function targetToMs(calendar, startedAt, target) {
  const { amount } = target;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`An SLA target needs an amount of 0 or more, got ${amount}.`);
  }
  checkInstant("targetToMs", "startedAt", startedAt);
  switch (target.unit) {
    case "business_minutes":
      return wholeMs(amount * 6e4, amount);
    case "business_hours":
    case "calendar_hours":
      return wholeMs(amount * 36e5, amount);
    case "business_days": {
      if (target.mode === "elapsed" || calendar !== null && !calendar.opensEver) {
        return wholeMs(amount * (calendar?.hoursPerDay ?? 24) * 36e5, amount);
      }
      const close = endOfBusinessDay(calendar, startedAt, amount);
      if (close === Infinity) {
        throw new RangeError(`An SLA target of ${amount} business days from ${new Date(startedAt).toISOString()} ends after year 9999.`);
      }
      return businessTimeBetween(calendar, startedAt, close);
    }
  }
}
function wholeMs(ms, amount) {
  const whole = Math.round(ms);
  if (!Number.isSafeInteger(whole)) {
    throw new RangeError(`An SLA target of ${amount} is too large to count in milliseconds.`);
  }
  return whole;
}
function checkTimerInput(input) {
  checkInstant("evaluateTimer", "startedAt", input.startedAt);
  checkInstant("evaluateTimer", "now", input.now);
  checkDuration("evaluateTimer", "targetMs", input.targetMs, 0);
  if (input.completedAt !== void 0 && input.completedAt !== null) {
    checkInstant("evaluateTimer", "completedAt", input.completedAt);
  }
  (input.pauses ?? []).forEach((pause, i) => {
    checkInstant("evaluateTimer", `pauses[${i}].from`, pause.from);
    if (pause.to !== null)
      checkInstant("evaluateTimer", `pauses[${i}].to`, pause.to);
  });
  const warn = input.warn;
  if (warn === void 0 || warn === null)
    return;
  if ("beforeMs" in warn)
    checkDuration("evaluateTimer", "warn.beforeMs", warn.beforeMs, 0);
  else if (!Number.isFinite(warn.consumedFraction) || warn.consumedFraction < 0) {
    throw new RangeError(`evaluateTimer needs warn.consumedFraction as a number of 0 or more, got ${warn.consumedFraction}.`);
  }
}
function timerCalendar(calendar, target) {
  return target.unit === "calendar_hours" ? null : calendar;
}
function activeSpans(startedAt, pauses) {
  const stops = pauses.map((pause) => ({ from: Math.max(pause.from, startedAt), to: pause.to ?? Infinity })).filter((pause) => pause.to > pause.from).sort((a, b) => a.from - b.from);
  const spans = [];
  let runningFrom = startedAt;
  for (const stop of stops) {
    if (stop.from > runningFrom)
      spans.push(runningFrom, stop.from);
    runningFrom = Math.max(runningFrom, stop.to);
  }
  if (runningFrom !== Infinity)
    spans.push(runningFrom, Infinity);
  return spans;
}
function consumedUntil(calendar, active, t) {
  let consumed = 0;
  for (let i = 0; i < active.length; i += 2) {
    const from = active[i];
    if (from >= t)
      break;
    consumed += businessTimeBetween(calendar, from, Math.min(active[i + 1], t));
  }
  return consumed;
}
function instantConsuming(calendar, startedAt, active, amount) {
  if (amount <= 0)
    return startedAt;
  let consumed = 0;
  for (let i = 0; i < active.length; i += 2) {
    const from = active[i];
    const to = active[i + 1];
    const inSpan = to === Infinity ? Infinity : businessTimeBetween(calendar, from, to);
    if (consumed + inSpan >= amount) {
      const at = addBusinessTime(calendar, from, amount - consumed);
      return Number.isFinite(at) ? at : null;
    }
    consumed += inSpan;
  }
  return null;
}
function warningThreshold(warn, targetMs) {
  if (warn === void 0 || warn === null)
    return null;
  if ("beforeMs" in warn)
    return Math.max(targetMs - warn.beforeMs, 0);
  return Math.max(Math.ceil(warn.consumedFraction * targetMs), 0);
}
function isPaused(startedAt, active, now) {
  if (now < startedAt)
    return false;
  for (let i = 0; i < active.length; i += 2) {
    if (now < active[i])
      return true;
    if (now < active[i + 1])
      return false;
  }
  return true;
}

// shared/dist/src/sla/calendars.js
var cache = /* @__PURE__ */ new WeakMap();
function calendarFor(playbook, id) {
  if (id === void 0)
    return null;
  let compiled2 = cache.get(playbook);
  if (!compiled2) {
    compiled2 = /* @__PURE__ */ new Map();
    cache.set(playbook, compiled2);
  }
  let calendar = compiled2.get(id);
  if (!calendar) {
    const def = playbook.calendars[id];
    if (!def)
      return null;
    calendar = compileCalendar(def);
    compiled2.set(id, calendar);
  }
  return calendar;
}

// shared/dist/src/sla/inputs.js
function timerInputs(playbook, sla, record2) {
  const startedAt = startOf(playbook, sla, record2);
  if (startedAt === void 0)
    return void 0;
  return {
    startedAt,
    completedAt: stopOf(playbook, sla, record2, startedAt) ?? null,
    pauses: sla.pause.flatMap((p) => rejectionPauses(record2.handoffs[p.handoff]?.events ?? [], startedAt))
  };
}
function startOf(playbook, sla, record2) {
  const start = sla.start;
  switch (start.on) {
    case "stage_entered":
      return lastEntry(record2, start.stage);
    case "handoff_opened": {
      const handoff2 = playbook.handoffs.find((h) => h.id === start.handoff);
      return handoff2 ? lastEntry(record2, handoff2.opensAt) : void 0;
    }
    case "handoff_submitted":
      return record2.handoffs[start.handoff]?.events.find((e) => e.type === "submitted")?.at;
    case "field_date":
      return dateField(playbook, record2, start.field);
  }
}
function stopOf(playbook, sla, record2, startedAt) {
  const stops = stopsOf(sla).map((stop) => stopAt(playbook, stop, record2, startedAt)).filter((at) => at !== void 0);
  return stops.length > 0 ? Math.min(...stops) : void 0;
}
function stopAt(playbook, stop, record2, startedAt) {
  switch (stop.on) {
    case "stage_left": {
      const entered = record2.stageHistory.filter((e) => e.stage === stop.stage && e.enteredAt <= startedAt).map((e) => e.enteredAt);
      const since = entered.length > 0 ? Math.max(...entered) : startedAt;
      return record2.stageHistory.filter((e) => e.stage !== stop.stage && e.enteredAt > since && e.enteredAt >= startedAt).reduce((first, e) => first === void 0 || e.enteredAt < first ? e.enteredAt : first, void 0);
    }
    case "stage_entered":
      return record2.stageHistory.find((e) => e.stage === stop.stage && e.enteredAt >= startedAt)?.enteredAt;
    case "handoff_accepted":
      return record2.handoffs[stop.handoff]?.events.find((e) => e.type === "accepted" && e.at >= startedAt)?.at;
    case "handoff_submitted":
      return record2.handoffs[stop.handoff]?.events.find((e) => e.type === "submitted" && e.at >= startedAt)?.at;
    case "field_set": {
      const at = dateField(playbook, record2, stop.field);
      return at !== void 0 && at >= startedAt ? at : void 0;
    }
    case "first_activity":
      return (record2.activities ?? []).reduce((first, at) => at >= startedAt && (first === void 0 || at < first) ? at : first, void 0);
  }
}
function lastEntry(record2, stage) {
  let latest;
  for (const entry of record2.stageHistory) {
    if (entry.stage === stage && (latest === void 0 || entry.enteredAt > latest))
      latest = entry.enteredAt;
  }
  return latest;
}
function dateField(playbook, record2, field) {
  const def = playbook.fields[field];
  if (!def)
    return void 0;
  const value2 = coerce(def, record2.fields[field]);
  return value2.kind === "value" && typeof value2.value === "number" ? value2.value : void 0;
}
function rejectionPauses(events2, startedAt) {
  const pauses = [];
  let open;
  for (const event2 of events2) {
    if (event2.at < startedAt)
      continue;
    if (event2.type === "rejected" && open === void 0)
      open = event2.at;
    if (event2.type === "submitted" && open !== void 0) {
      pauses.push({ from: open, to: event2.at });
      open = void 0;
    }
  }
  if (open !== void 0)
    pauses.push({ from: open, to: null });
  return pauses;
}

// shared/dist/src/sla/outcome.js
function acceptSlaOf(playbook, handoffId) {
  return playbook.slas.find((s) => stopsOf(s).some((stop) => stop.on === "handoff_accepted" && stop.handoff === handoffId));
}
function slaState(playbook, sla, snapshot, now) {
  const inputs = timerInputs(playbook, sla, snapshot);
  if (!inputs)
    return void 0;
  const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
  const result = evaluateTimer({
    calendar,
    startedAt: inputs.startedAt,
    targetMs: targetToMs(calendar, inputs.startedAt, sla.target),
    pauses: inputs.pauses,
    completedAt: inputs.completedAt,
    now
  });
  const completedAt = inputs.completedAt !== null && inputs.completedAt <= now ? inputs.completedAt : null;
  return { state: result.state, completedAt };
}
function timeToAcceptMs(playbook, snapshot, handoffId) {
  const events2 = snapshot.handoffs[handoffId]?.events ?? [];
  const submitted = events2.find((e) => e.type === "submitted")?.at;
  const accepted = events2.find((e) => e.type === "accepted")?.at;
  if (submitted === void 0 || accepted === void 0)
    return null;
  const sla = acceptSlaOf(playbook, handoffId);
  return businessTimeBetween(calendarFor(playbook, sla?.calendar), submitted, accepted);
}
function handoffSlaOutcome(playbook, snapshot, handoffId, now) {
  const sla = acceptSlaOf(playbook, handoffId);
  const timer2 = sla ? slaState(playbook, sla, snapshot, now) : void 0;
  const outcome = timer2?.state === "met" || timer2?.state === "met_late" || timer2?.state === "breached" ? timer2.state : null;
  const waitMs = timeToAcceptMs(playbook, snapshot, handoffId);
  return {
    slaId: sla?.id ?? null,
    outcome,
    completedAt: timer2?.completedAt ?? null,
    businessMinutesToAccept: waitMs === null ? null : Math.round(waitMs / 6e4)
  };
}

// shared/dist/src/record/timers.js
function evaluateTimers(playbook, record2, now) {
  const timers = [];
  const problems = [];
  for (const sla of playbook.slas) {
    try {
      const timer2 = evaluateSla(playbook, sla, record2, now);
      if (timer2)
        timers.push(timer2);
    } catch (error) {
      problems.push(`The timer "${sla.label}" could not be computed: ${error.message}`);
    }
  }
  return { timers, problems };
}
function evaluateSla(playbook, sla, record2, now) {
  const inputs = timerInputs(playbook, sla, record2);
  if (!inputs)
    return void 0;
  const calendar = timerCalendar(calendarFor(playbook, sla.calendar), sla.target);
  const targetMs = targetToMs(calendar, inputs.startedAt, sla.target);
  const warn = sla.warn ? "before" in sla.warn ? { beforeMs: targetToMs(calendar, inputs.startedAt, sla.warn.before) } : { consumedFraction: sla.warn.consumedPercent / 100 } : void 0;
  const result = evaluateTimer({
    calendar,
    startedAt: inputs.startedAt,
    targetMs,
    pauses: inputs.pauses,
    completedAt: inputs.completedAt ?? void 0,
    warn,
    now
  });
  const escalationsReached = sla.escalations.flatMap((escalation, index) => reached(escalation, result, targetMs, calendar, inputs.completedAt) ? [index] : []);
  return {
    slaId: sla.id,
    label: sla.label,
    state: result.state,
    paused: result.paused,
    startedAt: inputs.startedAt,
    dueAt: result.dueAt,
    warningAt: result.warningAt,
    completedAt: inputs.completedAt,
    targetMs,
    consumedMs: result.consumedMs,
    remainingMs: result.remainingMs,
    escalationsReached,
    escalationLevel: escalationsReached.length,
    calendarTimeZone: sla.calendar ? playbook.calendars[sla.calendar]?.timeZone ?? null : null,
    ...waitsOn(playbook, sla)
  };
}
function waitsOn(playbook, sla) {
  const role = slaWaitsOn(playbook, sla);
  return role === void 0 ? {} : { waitsOn: { role, label: playbook.roles[role]?.label ?? role } };
}
function reached(escalation, result, targetMs, calendar, completedAt) {
  if (completedAt !== null)
    return false;
  if (escalation.when === "at_risk")
    return result.state === "at_risk" || result.state === "breached";
  if (result.state !== "breached")
    return false;
  if (!escalation.after || result.dueAt === null)
    return true;
  const afterMs = targetToMs(calendar, result.dueAt, escalation.after);
  return result.consumedMs - targetMs >= afterMs;
}

// shared/dist/src/record/evaluate.js
var ACTIONS = ["submit", "withdraw", "accept", "reject", "reopen"];
function evaluateRecord(whole, snapshot, viewer, now) {
  const problems = [];
  const parsedSnapshot = RecordSnapshotSchema.safeParse(snapshot);
  const parsedViewer = ViewerSchema.safeParse(viewer);
  if (!parsedViewer.success)
    problems.push("The person viewing the record could not be identified.");
  const safeViewer = parsedViewer.success ? parsedViewer.data : { userId: "unknown", roles: [] };
  if (!parsedSnapshot.success) {
    const where = [
      ...new Set(parsedSnapshot.error.issues.map((i) => i.path.join(".") || "record"))
    ].join(", ");
    problems.push(`The record's data could not be read (${where}); Handoff shows only what it can.`);
    return emptyView(whole, snapshot, safeViewer, now, problems);
  }
  const record2 = parsedSnapshot.data;
  const object2 = recordObjectOf(record2.objectType);
  if (object2 === void 0)
    problems.push(`Handoff does not follow records of type "${record2.objectType}".`);
  const playbook = scopedPlaybook(whole, object2 ?? "deal");
  const stageIndex = playbook.stages.findIndex((s) => s.id === record2.stage);
  const current = playbook.stages[stageIndex];
  if (!current)
    problems.push(`The record's stage "${record2.stage}" is not part of the playbook.`);
  const context = { playbook, fields: record2.fields, handoffs: record2.handoffs };
  const next = current ? nextStage(playbook, stageIndex) : void 0;
  const exitCriteria = current ? current.exit.map((c) => evaluateCriterion(c, context)) : [];
  const nextEntryCriteria = next ? next.entry.map((c) => evaluateCriterion(c, context)) : [];
  const mayAdvance = next !== void 0 && [...exitCriteria, ...nextEntryCriteria].every(passesOrWarns);
  const { timers, problems: timerProblems } = evaluateTimers(playbook, record2, now);
  problems.push(...timerProblems);
  const handoffs = playbook.handoffs.filter((h) => isHandoffShown(playbook, h, record2)).map((h) => handoffView(playbook, record2, h, safeViewer, now, context));
  return {
    playbook: playbookRef(whole),
    record: recordRef(record2),
    viewer: safeViewer,
    evaluatedAt: now,
    problems,
    stages: stageProgress(playbook, stageIndex),
    currentStage: current ? { id: current.id, label: current.label } : null,
    exitCriteria,
    nextStage: next ? { id: next.id, label: next.label } : null,
    nextEntryCriteria,
    mayAdvance,
    handoffs,
    timers,
    nextStep: nextStepOf(playbook, handoffs, timers, safeViewer, record2.stage)
  };
}
function nextStage(playbook, index) {
  if (playbook.stages[index]?.outcome !== void 0)
    return void 0;
  return playbook.stages.slice(index + 1).find((s) => s.outcome !== "lost");
}
function passesOrWarns(verdict2) {
  return verdict2.outcome === "pass" || verdict2.severity === "warn";
}
function stageProgress(playbook, currentIndex) {
  const current = playbook.stages[currentIndex];
  return playbook.stages.map((stage, i) => {
    const status = i === currentIndex ? "current" : i < currentIndex && stage.outcome === void 0 ? "done" : "upcoming";
    const skipped = current?.outcome !== void 0 && stage.outcome !== void 0 && i !== currentIndex;
    const progress = {
      id: stage.id,
      label: stage.label,
      status: skipped ? "upcoming" : status
    };
    if (stage.outcome)
      progress.outcome = stage.outcome;
    return progress;
  });
}
function handoffView(playbook, record2, handoff2, viewer, now, context) {
  const state = record2.handoffs[handoff2.id] ?? INITIAL_STATE;
  const checklist = checklistOf(playbook, handoff2);
  const mayEdit = state.status !== "accepted" && state.status !== "submitted";
  const items = (checklist?.items ?? []).map((item2) => {
    const status = itemStatus(playbook, item2, state, record2.fields);
    const editorRoles = item2.owner ? [...rolesFor(handoff2, "set_item"), item2.owner] : rolesFor(handoff2, "set_item");
    return {
      id: item2.id,
      label: item2.label,
      ...item2.help ? { help: item2.help } : {},
      kind: item2.kind,
      ...item2.options ? { options: item2.options } : {},
      required: item2.required,
      ...item2.owner ? { owner: item2.owner } : {},
      ...item2.field ? { field: item2.field } : {},
      value: status.value,
      done: status.done,
      ...status.by !== void 0 ? { by: status.by } : {},
      ...status.at !== void 0 ? { at: status.at } : {},
      editable: mayEdit && item2.field === void 0 && holdsAny(viewer, editorRoles)
    };
  });
  const required2 = items.filter((i) => i.required);
  const settled = settledOf(playbook, handoff2, state.status, record2);
  const next = settled ? void 0 : ballInCourt(playbook, handoff2, state.status, viewer);
  return {
    id: handoff2.id,
    label: handoff2.label,
    checklistLabel: checklist?.label ?? handoff2.checklist,
    status: state.status,
    version: state.version,
    items,
    progress: {
      done: items.filter((i) => i.done).length,
      total: items.length,
      requiredDone: required2.filter((i) => i.done).length,
      required: required2.length
    },
    criteria: handoff2.criteria.map((c) => evaluateCriterion(c, context)),
    actions: ACTIONS.map((type) => availability(playbook, record2, handoff2, viewer, now, type)),
    rejectReasons: handoff2.rejectReasons.map((r) => ({ id: r.id, label: r.label })),
    ...milestones(handoff2, state),
    history: state.events.filter((e) => e.type !== "item_set"),
    ...next ? { next } : {},
    ...settled ? { settled } : {}
  };
}
function availability(playbook, record2, handoff2, viewer, now, type) {
  const action = type === "reject" ? { type, reason: handoff2.rejectReasons[0]?.id ?? "" } : { type };
  const result = decideHandoffAction(playbook, record2, { handoffId: handoff2.id, actionId: `preview:${type}`, action }, viewer, now);
  return result.ok ? { type, allowed: true } : {
    type,
    allowed: false,
    reason: { code: result.refusal.code, message: result.refusal.message }
  };
}
function milestones(handoff2, state) {
  const out = {};
  for (const event2 of state.events) {
    if (event2.type === "submitted")
      out.submitted = { by: event2.by, at: event2.at };
    if (event2.type === "accepted") {
      const { assigneeId, linkedRecordId } = event2.details;
      out.accepted = {
        by: event2.by,
        at: event2.at,
        ...typeof assigneeId === "string" ? { assigneeId } : {},
        ...typeof linkedRecordId === "string" ? { linkedRecordId } : {}
      };
    }
    if (event2.type === "rejected") {
      const reason = String(event2.details.reason ?? "");
      const comment = event2.details.comment;
      out.rejected = {
        by: event2.by,
        at: event2.at,
        reason,
        reasonLabel: handoff2.rejectReasons.find((r) => r.id === reason)?.label ?? reason,
        ...typeof comment === "string" ? { comment } : {}
      };
    }
  }
  return out;
}
function playbookRef(playbook) {
  return {
    name: playbook.name,
    version: playbook.version,
    fingerprint: playbookFingerprint(playbook)
  };
}
function recordRef(record2) {
  const ref = {
    crm: record2.crm,
    objectType: record2.objectType,
    recordId: record2.recordId
  };
  if (record2.ownerId !== void 0)
    ref.ownerId = record2.ownerId;
  return ref;
}
function emptyView(playbook, snapshot, viewer, now, problems) {
  const raw = snapshot !== null && typeof snapshot === "object" ? snapshot : {};
  const text2 = (v) => typeof v === "string" ? v : "";
  return {
    playbook: playbookRef(playbook),
    record: { crm: text2(raw.crm), objectType: text2(raw.objectType), recordId: text2(raw.recordId) },
    viewer,
    evaluatedAt: now,
    problems,
    stages: stageProgress(scopedPlaybook(playbook, recordObjectOf(text2(raw.objectType)) ?? "deal"), -1),
    currentStage: null,
    exitCriteria: [],
    nextStage: null,
    nextEntryCriteria: [],
    mayAdvance: false,
    handoffs: [],
    timers: [],
    nextStep: null
  };
}

// shared/dist/src/display/format.js
var STYLE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit"
};
function validZone(zone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
function formatDateTime(at, zones2) {
  const { viewer, reference } = typeof zones2 === "string" ? { viewer: zones2 } : zones2;
  const zone = validZone(viewer) ? viewer : "UTC";
  const named = zone !== viewer || reference !== void 0 && reference !== null && reference !== zone;
  return new Intl.DateTimeFormat("en-US", {
    ...STYLE,
    timeZone: zone,
    ...named ? { timeZoneName: "short" } : {}
  }).format(at).replace(/\u202f/g, " ");
}
function formatDue(at, zones2, now) {
  const full = formatDateTime(at, zones2);
  const viewer = typeof zones2 === "string" ? zones2 : zones2.viewer;
  const format = new Intl.DateTimeFormat("en-CA", { timeZone: validZone(viewer) ? viewer : "UTC" });
  const day = (t) => Date.parse(format.format(t)) / 864e5;
  const word = ["yesterday", "today", "tomorrow"][day(at) - day(now) + 1];
  return word ? `${word}, ${full.slice(full.indexOf(",", full.indexOf(",") + 1) + 2)}` : full;
}
function formatDuration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 6e4);
  if (minutes < 1)
    return "under a minute";
  const hours3 = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours3 === 0)
    return `${rest} min`;
  return rest === 0 ? `${hours3} h` : `${hours3} h ${rest} min`;
}

// shared/dist/src/display/words.js
var TIMER_STATES = {
  pending: { label: "Not started", tone: "neutral" },
  running: { label: "On track", tone: "info" },
  paused: { label: "Paused", tone: "neutral" },
  at_risk: { label: "At risk", tone: "warning" },
  breached: { label: "Breached", tone: "danger" },
  met: { label: "Met", tone: "success" },
  met_late: { label: "Met late", tone: "warning" }
};
var HANDOFF_STATUSES = {
  not_started: { label: "Not started", tone: "neutral" },
  in_progress: { label: "In progress", tone: "info" },
  submitted: { label: "Submitted", tone: "warning" },
  accepted: { label: "Accepted", tone: "success" },
  rejected: { label: "Rejected", tone: "danger" }
};
var ACTIONS2 = {
  submit: { label: "Submit handoff", emphasis: "primary" },
  withdraw: { label: "Withdraw", emphasis: "secondary" },
  accept: { label: "Accept", emphasis: "primary" },
  reject: { label: "Reject…", emphasis: "destructive" },
  reopen: { label: "Rework", emphasis: "secondary" }
};
var EVENT_VERBS = {
  submitted: "Submitted",
  withdrawn: "Withdrawn",
  accepted: "Accepted",
  rejected: "Rejected",
  reworked: "Reopened for rework"
};
var MOVES = {
  submit: (h) => `Complete and submit the ${h} handoff`,
  accept: (h) => `Review the ${h} handoff: accept or reject it`,
  reopen: (h) => `Rework the ${h} handoff and submit it again`
};
var CRM_MOVES = {
  first_activity: () => "Make first contact (log a call, email or meeting)",
  field_set: (field) => `Fill in ${field}`,
  stage_entered: (stage) => `Move the record to ${stage}`,
  stage_left: (stage) => `Move the record on from ${stage}`
};

// shared/dist/src/display/record.js
function who(userId, names) {
  if (!userId)
    return void 0;
  return userId === names.viewerId ? "you" : names.people[userId];
}
function progressOf(handoff2) {
  const { requiredDone: done2, required: total } = handoff2.progress;
  return {
    done: done2,
    total,
    percent: total === 0 ? 100 : Math.round(100 * done2 / total),
    complete: done2 >= total,
    text: `${done2} of ${total} required items done`
  };
}
var LIVE2 = /* @__PURE__ */ new Set(["running", "at_risk", "breached"]);
function timerDisplay(timer2, viewerZone) {
  const zones2 = { viewer: viewerZone, reference: timer2.calendarTimeZone };
  const kind = timer2.calendarTimeZone === null ? "" : " of business time";
  const due = timer2.dueAt === null ? void 0 : formatDateTime(timer2.dueAt, zones2);
  let detail;
  switch (timer2.state) {
    case "pending":
      detail = "Starts when its event happens.";
      break;
    case "met":
    case "met_late":
      detail = timer2.completedAt === null ? "Done." : `Done ${formatDateTime(timer2.completedAt, zones2)}${due ? `; was due ${due}` : ""}.`;
      break;
    case "breached":
      detail = `Was due ${due ?? "earlier"}.`;
      break;
    case "paused":
      detail = `Paused with ${formatDuration(timer2.remainingMs)}${kind} left.`;
      break;
    default:
      detail = `Due ${due ?? "later"}; ${formatDuration(timer2.remainingMs)}${kind} left.`;
  }
  const state = TIMER_STATES[timer2.state];
  return {
    slaId: timer2.slaId,
    label: timer2.label,
    stateLabel: state.label,
    tone: state.tone,
    detail,
    // Only a live clock waits on someone: a met one is done, a paused one waits on the rework.
    ...timer2.waitsOn && LIVE2.has(timer2.state) ? { waitsOn: `Waits on the ${timer2.waitsOn.label}` } : {}
  };
}
function actionsOf(handoff2) {
  return handoff2.actions.filter((a) => a.allowed || a.reason?.code === "items_missing" || a.reason?.code === "criteria_failing").map((a) => ({
    type: a.type,
    label: ACTIONS2[a.type].label,
    emphasis: ACTIONS2[a.type].emphasis,
    disabled: !a.allowed,
    ...a.allowed || !a.reason ? {} : { reason: a.reason.message }
  }));
}
function milestone(verb2, userId, at, zones2, names) {
  const name = who(userId, names);
  return `${verb2}${name ? ` by ${name}` : ""} on ${formatDateTime(at, zones2)}`;
}
function lowerFirst(text2) {
  return text2.charAt(0).toLowerCase() + text2.slice(1);
}
function handoffDisplay(h, zones2, names) {
  const status = HANDOFF_STATUSES[h.status];
  const accepted = h.accepted ? milestone("Accepted", h.accepted.by, h.accepted.at, zones2, names) + (h.accepted.assigneeId === void 0 ? "" : `; CSM: ${who(h.accepted.assigneeId, names) ?? "assigned"}`) : void 0;
  const milestones2 = [
    ...h.submitted ? [milestone("Submitted", h.submitted.by, h.submitted.at, zones2, names)] : [],
    ...accepted ? [accepted] : []
  ];
  const settledLine = h.settled ? h.settled.reason === "accepted" ? accepted ?? "Accepted" : `${status.label} — ${h.settled.summary}` : void 0;
  const rejection = h.rejected && h.status === "rejected" ? `${milestone("Rejected", h.rejected.by, h.rejected.at, zones2, names)}: ${h.rejected.reasonLabel}${h.rejected.comment ? ` — “${h.rejected.comment}”` : ""}` : void 0;
  const nextLine = h.next ? h.next.viewerMayAct ? `Your move: ${lowerFirst(MOVES[h.next.action](h.label))}` : `Waiting on the ${h.next.label}` : void 0;
  return {
    id: h.id,
    label: h.label,
    checklistLabel: h.checklistLabel,
    statusLabel: status.label,
    tone: status.tone,
    progress: progressOf(h),
    ...settledLine ? { settledLine } : {},
    ...nextLine ? { nextLine } : {},
    milestones: milestones2,
    // On the collapsed line once settled (a recycled lead), beside the milestones before.
    ...rejection ? settledLine ? { settledRejection: rejection } : { rejection } : {},
    history: h.history.map((e) => {
      const name = who(e.by, names);
      const reason = h.rejectReasons.find((r) => r.id === e.details.reason)?.label;
      const comment = typeof e.details.comment === "string" ? ` — “${e.details.comment}”` : "";
      const verb2 = e.type === "item_set" ? "Changed" : EVENT_VERBS[e.type];
      return `${formatDateTime(e.at, zones2)} — ${verb2}${name ? ` by ${name}` : ""}${reason ? `: ${reason}` : ""}${comment}`;
    }),
    actions: actionsOf(h)
  };
}
function nextStepDisplay(view, viewerZone) {
  const step = view.nextStep;
  if (!step)
    return null;
  const timer2 = step.timer ? view.timers.find((t) => t.slaId === step.timer?.slaId) : void 0;
  const zones2 = { viewer: viewerZone, reference: timer2?.calendarTimeZone };
  const state = step.timer ? TIMER_STATES[step.timer.state] : void 0;
  const due = step.timer?.dueAt == null ? void 0 : formatDue(step.timer.dueAt, zones2, view.evaluatedAt);
  const when = !step.timer ? void 0 : step.timer.state === "breached" ? `Was due ${due ?? "earlier"}` : step.timer.state === "paused" ? "Clock paused" : `Due ${due ?? "later"}`;
  const shown = {
    whose: step.ball.viewerMayAct ? "Your move" : `Waiting on the ${step.ball.label}`,
    ...when ? { when } : {},
    ...state ? { stateLabel: state.label } : {},
    tone: state?.tone ?? "neutral"
  };
  if (step.kind === "sla") {
    const move = CRM_MOVES[step.stop.on](step.stop.target?.label ?? "");
    return { slaId: step.timer.slaId, ...shown, what: `${step.timer.label}: ${lowerFirst(move)}` };
  }
  const action = step.viewerAction;
  return {
    handoffId: step.handoffId,
    ...shown,
    what: MOVES[step.ball.action](step.handoffLabel),
    ...action ? {
      action: {
        type: action.type,
        label: ACTIONS2[action.type].label,
        emphasis: ACTIONS2[action.type].emphasis,
        disabled: !action.allowed,
        ...action.allowed || !action.reason ? {} : { reason: action.reason.message }
      }
    } : {}
  };
}
function recordDisplay(view, viewerZone) {
  const names = { viewerId: view.viewer.userId, people: view.people ?? {} };
  const reference = view.timers.find((t) => t.calendarTimeZone !== null)?.calendarTimeZone;
  const zones2 = { viewer: viewerZone, reference };
  return {
    nextStep: nextStepDisplay(view, viewerZone),
    timers: view.timers.map((t) => timerDisplay(t, viewerZone)),
    handoffs: view.handoffs.map((h) => handoffDisplay(h, zones2, names)),
    noRole: view.viewer.roles.length === 0
  };
}

// shared/dist/src/display/playbook.js
function playbookLabel(stamp) {
  const version2 = /^\d/.test(stamp.version) ? `v${stamp.version}` : stamp.version;
  return `Playbook ${version2} · ${stamp.fingerprint}`;
}

// shared/dist/src/queue/queue.js
var QUEUE_URGENCY = [
  "breached",
  "at_risk",
  "running",
  "paused",
  "none"
];
function queueEntriesOf(playbook, view, recordName) {
  return view.handoffs.flatMap((handoff2) => {
    const ball = handoff2.next;
    if (!ball || handoff2.settled)
      return [];
    const timer2 = governingTimer(playbook, handoff2, ball, view.timers);
    return [
      {
        objectType: view.record.objectType,
        recordId: view.record.recordId,
        recordName,
        stage: view.currentStage,
        ownerId: view.record.ownerId ?? null,
        handoffId: handoff2.id,
        handoffLabel: handoff2.label,
        status: handoff2.status,
        version: handoff2.version,
        ball: { roles: ball.roles, label: ball.label, action: ball.action },
        submitted: handoff2.submitted ?? null,
        checklist: handoff2.progress,
        timer: timer2 ? {
          slaId: timer2.slaId,
          label: timer2.label,
          state: timer2.state,
          dueAt: timer2.dueAt,
          remainingMs: timer2.remainingMs
        } : null,
        rejectReasons: handoff2.rejectReasons
      }
    ];
  });
}
function mayAct(entry, viewer) {
  return holdsAny(viewer, entry.ball.roles);
}
function urgencyOf(entry) {
  return QUEUE_URGENCY.indexOf(entry.timer?.state ?? "none");
}
function compareQueueEntries(a, b) {
  return urgencyOf(a) - urgencyOf(b) || (a.timer?.remainingMs ?? Infinity) - (b.timer?.remainingMs ?? Infinity) || (a.timer?.dueAt ?? Infinity) - (b.timer?.dueAt ?? Infinity) || a.recordId.localeCompare(b.recordId, "en", { numeric: true }) || a.handoffId.localeCompare(b.handoffId);
}

// salesforce-package/scripts/handoff-core/milestones.ts
var MILESTONE_FIELDS = [
  "Submitted_By__c",
  "Submitted_At__c",
  "Accepted_By__c",
  "Accepted_At__c",
  "Rejected_By__c",
  "Rejected_At__c"
];
var LIFECYCLE = ["submitted", "rejected", "accepted"];
function milestoneEvents(status, header) {
  const out = [];
  for (const type of LIFECYCLE) {
    const { at, by, details = {} } = header[type];
    if (at === void 0 || type === "accepted" && status !== "accepted") continue;
    out.push({ type, at, by: by ?? "", actionId: `sf:${type}:${at}`, details });
  }
  const rank = (e) => e.type === status ? LIFECYCLE.length : LIFECYCLE.indexOf(e.type);
  return out.sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

// salesforce-package/scripts/handoff-core/records.ts
var HANDOFF = "Handoff__c";
var ITEM = "Handoff_Item__c";
var PLAYBOOK = "Handoff_Playbook__c";
var HANDOFF_PEOPLE = {
  Submitted_By__c: "Submitted_By__r",
  Accepted_By__c: "Accepted_By__r",
  Rejected_By__c: "Rejected_By__r",
  Assigned_CSM__c: "Assigned_CSM__r"
};
var ITEM_PEOPLE = { Done_By__c: "Done_By__r" };
var OPPORTUNITY_FIELDS = [
  "Opportunity.StageName",
  "Opportunity.OwnerId",
  "Opportunity.AccountId",
  "Opportunity.CreatedDate"
];
var ACCOUNT_OPPORTUNITY_FIELDS = ["Opportunity.Name", ...OPPORTUNITY_FIELDS];
var STAGE_HISTORY_LIST = "OpportunityHistories";
var STAGE_HISTORY_FIELDS = [
  "OpportunityHistory.StageName",
  "OpportunityHistory.CreatedDate"
];
var STAGE_HISTORY_SORT = ["OpportunityHistory.CreatedDate"];
var OPPORTUNITY_OPTIONAL = ["Opportunity.LastStageChangeDate"];
function value(record2, field) {
  const f = record2?.fields[field];
  return f === void 0 ? void 0 : f.value;
}
function text(record2, field) {
  const v = value(record2, field);
  return typeof v === "string" && v !== "" ? v : void 0;
}
function time2(record2, field) {
  const v = text(record2, field);
  const at = v === void 0 ? NaN : Date.parse(v);
  return Number.isFinite(at) ? at : void 0;
}
function iso(at) {
  return new Date(at).toISOString();
}
function relatedName(record2, relationship) {
  const related = record2?.fields[relationship];
  const name = related?.Name?.value ?? related?.value?.fields?.Name?.value;
  return typeof name === "string" && name !== "" ? name : void 0;
}
function peopleOf(headers, items) {
  const out = {};
  const add = (record2, lookups) => {
    for (const [lookup, relationship] of Object.entries(lookups)) {
      const id = text(record2, lookup);
      const name = relatedName(record2, relationship);
      if (id !== void 0 && name !== void 0) out[id] = name;
    }
  };
  for (const header of headers) add(header, HANDOFF_PEOPLE);
  for (const row of Object.values(items).flat()) add(row, ITEM_PEOPLE);
  return out;
}
function graphNodes(data, objectApiName) {
  const query = data?.uiapi?.query;
  const edges = query?.[objectApiName]?.edges;
  return (edges ?? []).map(({ node }) => ({
    id: String(node.Id),
    fields: node
  }));
}
function itemsByHandoff(rows) {
  const out = {};
  for (const row of rows) {
    const handoff2 = text(row, "Handoff__c");
    if (handoff2) (out[handoff2] ??= []).push(row);
  }
  return out;
}

// salesforce-package/scripts/handoff-core/snapshot.ts
var STATUSES = ["not_started", "in_progress", "submitted", "accepted", "rejected"];
function opportunityFields(playbook) {
  return Object.values(fieldsOn(playbook, "deal")).map((f) => f.salesforce).filter((name) => name !== void 0).map((name) => `Opportunity.${name}`);
}
function stageOf(playbook, stageName2) {
  const stage = playbook.stages.find((s) => opportunityStageNamesOf(s).includes(stageName2));
  return stage?.id ?? stageName2;
}
function buildSnapshot(playbook, records2) {
  const opp = records2.opportunity;
  const stage = stageOf(playbook, text(opp, "StageName") ?? "");
  const fields = {};
  for (const [id, def] of Object.entries(fieldsOn(playbook, "deal"))) {
    if (def.salesforce !== void 0) fields[id] = value(opp, def.salesforce) ?? null;
  }
  const enteredAt = time2(opp, "LastStageChangeDate") ?? time2(opp, "CreatedDate") ?? 0;
  const stageHistory = stageEntries(playbook, records2.stageHistory ?? [], { stage, enteredAt });
  const handoffs = {};
  for (const header of records2.handoffs) {
    const id = text(header, "Handoff_Id__c");
    if (id !== void 0)
      handoffs[id] = handoffState(playbook, id, header, records2.items[header.id]);
  }
  const ownerId = text(opp, "OwnerId");
  return {
    crm: "salesforce",
    objectType: "opportunity",
    recordId: opp.id,
    stage,
    fields,
    stageHistory,
    handoffs,
    ...ownerId ? { ownerId } : {}
  };
}
function stageEntries(playbook, rows, current) {
  const entries2 = [];
  const sorted = rows.map((row) => ({ name: text(row, "StageName"), at: time2(row, "CreatedDate") })).filter((r) => r.name !== void 0 && r.at !== void 0).sort((a, b) => a.at - b.at);
  for (const row of sorted) {
    const stage = stageOf(playbook, row.name);
    if (entries2[entries2.length - 1]?.stage === stage) continue;
    entries2.push({ stage, enteredAt: row.at });
  }
  if (entries2[entries2.length - 1]?.stage !== current.stage) entries2.push(current);
  return entries2;
}
function handoffState(playbook, handoffId, header, rows = []) {
  const raw = text(header, "Status__c") ?? "not_started";
  const status = STATUSES.includes(raw) ? raw : "not_started";
  const version2 = Number(value(header, "Version__c") ?? 0);
  const kinds = itemKinds(playbook, handoffId);
  const items = {};
  for (const row of rows) {
    const itemId = text(row, "Item_Id__c");
    const at = time2(row, "Done_At__c");
    if (itemId === void 0 || at === void 0) continue;
    items[itemId] = {
      value: parseValue(kinds[itemId], text(row, "Value__c")),
      done: value(row, "Done__c") === true,
      by: text(row, "Done_By__c") ?? "",
      at
    };
  }
  return {
    status,
    version: Number.isInteger(version2) && version2 >= 0 ? version2 : 0,
    items,
    events: events(header, status)
  };
}
function itemKinds(playbook, handoffId) {
  const handoff2 = playbook.handoffs.find((h) => h.id === handoffId);
  const checklist = playbook.checklists.find((c) => c.id === handoff2?.checklist);
  return Object.fromEntries((checklist?.items ?? []).map((i) => [i.id, i.kind]));
}
function parseValue(kind, raw) {
  if (raw === void 0) return null;
  if (kind === "check") return raw === "true";
  if (kind === "number") {
    const n = Number(raw);
    return Number.isFinite(n) ? n : null;
  }
  return raw;
}
function formatValue2(v) {
  return v === null ? null : String(v);
}
function events(header, status) {
  const comment = text(header, "Rejection_Comment__c");
  const assigneeId = text(header, "Assigned_CSM__c");
  return milestoneEvents(status, {
    submitted: { at: time2(header, "Submitted_At__c"), by: text(header, "Submitted_By__c") },
    accepted: {
      at: time2(header, "Accepted_At__c"),
      by: text(header, "Accepted_By__c"),
      ...assigneeId ? { details: { assigneeId } } : {}
    },
    rejected: {
      at: time2(header, "Rejected_At__c") ?? (status === "rejected" ? time2(header, "LastModifiedDate") : void 0),
      by: text(header, "Rejected_By__c"),
      details: {
        reason: text(header, "Rejection_Reason__c") ?? "",
        ...comment ? { comment } : {}
      }
    }
  });
}

// salesforce-package/scripts/handoff-core/writes.ts
function recordKey(opportunityId, handoffId) {
  return `${opportunityId}:${handoffId}`;
}
function typedItems(playbook, handoffId) {
  const handoff2 = playbook.handoffs.find((h) => h.id === handoffId);
  const checklist = handoff2 ? checklistOf(playbook, handoff2) : void 0;
  return (checklist?.items ?? []).filter((i) => i.field === void 0);
}
function missingHandoffs(playbook, openHandoffIds, opportunity, existing) {
  const have = new Set(existing.map((r) => text(r, "Handoff_Id__c")));
  const accountId = text(opportunity, "AccountId");
  return openHandoffIds.filter((id) => !have.has(id)).map((id) => ({
    apiName: HANDOFF,
    fields: {
      Opportunity__c: opportunity.id,
      ...accountId ? { Account__c: accountId } : {},
      Handoff_Id__c: id,
      Record_Key__c: recordKey(opportunity.id, id),
      Status__c: "not_started",
      Version__c: 0,
      Required_Items__c: typedItems(playbook, id).filter((i) => i.required).length
    }
  }));
}
function missingItems(playbook, header, rows) {
  const handoffId = text(header, "Handoff_Id__c") ?? "";
  const key = text(header, "Record_Key__c") ?? header.id;
  const have = new Set(rows.map((r) => text(r, "Item_Id__c")));
  return typedItems(playbook, handoffId).filter((item2) => !have.has(item2.id)).map((item2) => ({
    apiName: ITEM,
    fields: {
      Handoff__c: header.id,
      Item_Id__c: item2.id,
      Item_Key__c: `${key}:${item2.id}`,
      Required__c: item2.required,
      Done__c: false
    }
  }));
}
function planAction(ctx, action) {
  const handoffId = text(ctx.header, "Handoff_Id__c") ?? "";
  const before = ctx.snapshot.handoffs[handoffId];
  const result = applyHandoffAction(
    ctx.playbook,
    ctx.snapshot,
    { handoffId, actionId: ctx.actionId, expectedVersion: before?.version ?? 0, action },
    ctx.viewer,
    ctx.now
  );
  if (!result.ok) return { ok: false, message: result.refusal.message };
  const header = (extra) => ({
    fields: {
      Id: ctx.header.id,
      Status__c: result.state.status,
      Action__c: action.type,
      Action_Id__c: ctx.actionId,
      Version__c: result.state.version,
      ...extra
    }
  });
  const at = iso(ctx.now);
  const by = ctx.viewer.userId;
  switch (action.type) {
    case "set_item": {
      const state = result.state.items[action.itemId];
      const row = ctx.rows.find((r) => text(r, "Item_Id__c") === action.itemId);
      const fields = {
        Value__c: formatValue2(action.value),
        Done__c: state?.done ?? false,
        Done_By__c: by,
        Done_At__c: at
      };
      const item2 = row ? { fields: { Id: row.id, ...fields } } : missingItems(ctx.playbook, ctx.header, ctx.rows).filter((r) => r.fields.Item_Id__c === action.itemId).map((r) => ({ apiName: ITEM, fields: { ...r.fields, ...fields } }))[0] ?? {
        fields: {}
      };
      const statusChanges = before?.status !== result.state.status;
      return {
        ok: true,
        writes: { item: item2, ...statusChanges ? { handoff: header({}) } : {}, conditional: false }
      };
    }
    case "submit":
      return ok(header({ Submitted_By__c: by, Submitted_At__c: at }));
    case "accept": {
      const after = {
        ...ctx.snapshot,
        handoffs: { ...ctx.snapshot.handoffs, [handoffId]: result.state }
      };
      const outcome = handoffSlaOutcome(ctx.playbook, after, handoffId, ctx.now);
      return ok(
        header({
          Accepted_By__c: by,
          Accepted_At__c: at,
          ...action.assigneeId ? { Assigned_CSM__c: action.assigneeId } : {},
          SLA_Id__c: outcome.slaId,
          SLA_Outcome__c: outcome.outcome,
          SLA_Completed_At__c: outcome.completedAt === null ? null : iso(outcome.completedAt),
          Business_Minutes_To_Accept__c: outcome.businessMinutesToAccept
        })
      );
    }
    case "reject":
      return ok(
        header({
          // Exact, because SLAs pause from this instant until the next submission.
          Rejected_By__c: by,
          Rejected_At__c: at,
          Rejection_Reason__c: action.reason,
          Rejection_Comment__c: action.comment ?? null
        })
      );
    default:
      return ok(header({}));
  }
}
function ok(handoff2) {
  return { ok: true, writes: { handoff: handoff2, conditional: true } };
}
function errorSentences(error) {
  const body = error?.body;
  const list2 = Array.isArray(body) ? body : [body];
  const out = [];
  for (const b of list2) {
    const entry = b;
    for (const e of entry?.output?.errors ?? []) {
      if (e.message)
        out.push(
          e.errorCode === "DUPLICATE_VALUE" ? "Someone else just created this; the panel reloads it." : e.message
        );
    }
    for (const errors of Object.values(entry?.output?.fieldErrors ?? {})) {
      for (const e of errors) if (e.message) out.push(e.message);
    }
    if (out.length === 0 && entry?.message) out.push(entry.message);
  }
  if (out.length === 0 && error instanceof Error && error.message) out.push(error.message);
  return out.length > 0 ? [...new Set(out)] : ["Something went wrong. Reload the page and try again."];
}

// salesforce-package/scripts/handoff-core/display.ts
var BADGES = {
  neutral: "slds-badge",
  info: "slds-badge slds-theme_info",
  warning: "slds-badge slds-theme_warning",
  danger: "slds-badge slds-theme_error",
  success: "slds-badge slds-theme_success"
};
var VARIANTS = {
  primary: "brand",
  secondary: "neutral",
  destructive: "destructive"
};
function formatTime(at, timeZone) {
  return formatDateTime(at, timeZone);
}
function verdict(v, i) {
  const pass = v.outcome === "pass";
  const warn = !pass && v.severity === "warn";
  return {
    key: `${v.id}-${i}`,
    label: v.label,
    reason: v.reason,
    icon: pass ? "utility:success" : warn ? "utility:warning" : "utility:error",
    variant: pass ? "success" : warn ? "warning" : "error",
    alt: pass ? "Passes" : warn ? "Warning" : "Fails"
  };
}
function timer(t) {
  return {
    key: t.slaId,
    label: t.label,
    stateLabel: t.stateLabel,
    badgeClass: BADGES[t.tone],
    detail: t.waitsOn ? `${t.detail} ${t.waitsOn}.` : t.detail
  };
}
var NO_NAMES = { viewerId: "", people: {} };
function item(i, zones2, names) {
  const value2 = i.value === null || typeof i.value === "boolean" ? "" : String(i.value);
  const by = who(i.by, names);
  return {
    id: i.id,
    label: i.label,
    help: i.help,
    required: i.required,
    disabled: !i.editable,
    isCheck: i.kind === "check",
    isChoice: i.kind === "choice",
    inputType: i.kind === "date" ? "date" : i.kind === "number" ? "number" : "text",
    isInput: i.kind === "text" || i.kind === "date" || i.kind === "number",
    options: (i.options ?? []).map((o) => ({ label: o, value: o })),
    value: value2,
    checked: i.value === true,
    mirrored: i.field !== void 0,
    doneText: i.done ? i.at === void 0 ? "Done" : by ? `Done by ${by} on ${formatDateTime(i.at, zones2)}` : `Done ${formatDateTime(i.at, zones2)}` : i.required ? "Required" : "Optional"
  };
}
function handoff(h, timeZone, names = NO_NAMES, reference) {
  const zones2 = { viewer: timeZone, reference };
  const shown = handoffDisplay(h, zones2, names);
  return {
    id: h.id,
    label: h.label,
    checklistLabel: h.checklistLabel,
    status: h.status,
    statusLabel: shown.statusLabel,
    statusClass: BADGES[shown.tone],
    progressText: shown.progress.text,
    progressValue: shown.progress.percent,
    /** Accepted, or its window has passed: shown as one line, its body behind "Details". */
    settled: shown.settledLine !== void 0,
    settledLine: shown.settledLine,
    // A recycled lead: why it was rejected, on the folded line as on the HubSpot card.
    settledRejection: shown.settledRejection,
    nextLine: shown.nextLine,
    items: h.items.map((i) => item(i, zones2, names)),
    criteria: h.criteria.map(verdict),
    actions: shown.actions.map((a) => ({
      type: a.type,
      label: a.label,
      variant: VARIANTS[a.emphasis],
      disabled: a.disabled,
      reason: a.reason
    })),
    rejectReasons: h.rejectReasons.map((r) => ({ label: r.label, value: r.id })),
    // The last rejection stays in the history; its reason is news only while the handoff is rejected.
    rejection: shown.rejection,
    milestones: shown.milestones.map((line, n) => ({ key: `m${n}`, text: line })),
    hasMilestones: shown.milestones.length > 0,
    history: shown.history.map((line, n) => ({ key: `h${n}`, text: line })),
    hasHistory: shown.history.length > 0
  };
}
function nextStep(step) {
  if (!step) return void 0;
  const action = step.action;
  return {
    handoffId: step.handoffId,
    whose: step.whose,
    what: step.what,
    when: step.when,
    stateLabel: step.stateLabel,
    badgeClass: BADGES[step.tone],
    action: action ? {
      type: action.type,
      label: action.label,
      variant: VARIANTS[action.emphasis],
      disabled: action.disabled,
      reason: action.reason
    } : void 0
  };
}
function stageLabels(playbook, picklist, stageName2) {
  if (!Array.isArray(picklist?.values)) return void 0;
  const labels = new Map(picklist.values.map((v) => [v.value, v.label]));
  const stages = {};
  for (const stage of playbook.stages) {
    const names = opportunityStageNamesOf(stage).flatMap((n) => labels.get(n) ?? []);
    if (names.length > 0) stages[stage.id] = names.join(" / ");
  }
  const current = stageName2 === void 0 ? void 0 : labels.get(stageName2);
  return current === void 0 ? { stages } : { stages, current };
}
function panelModel(view, timeZone, labels) {
  const label = (s) => labels?.stages[s.id] ?? s.label;
  const next = view.nextStage ? label(view.nextStage) : void 0;
  const shown = recordDisplay(view, timeZone);
  const reference = view.timers.find((t) => t.calendarTimeZone !== null)?.calendarTimeZone;
  return {
    problems: view.problems.map((text2, n) => ({ key: `p${n}`, text: text2 })),
    hasProblems: view.problems.length > 0,
    stages: view.stages.map((s) => ({ id: s.id, label: label(s) })),
    currentStage: view.currentStage?.id ?? "",
    // The path already prints "Stage: <its label>"; the record's own label is said only where it
    // differs (a path step can stand for several StageNames) or when no step is current.
    stageNote: view.currentStage ? labels?.current !== void 0 && labels.current !== label(view.currentStage) ? labels.current : void 0 : "Not in the playbook",
    nextLabel: next,
    advanceText: next ? view.mayAdvance ? `Ready to move to ${next}.` : `Not ready to move to ${next} yet.` : void 0,
    // What must be true to leave this stage, then what the next stage asks on entry (as the card shows).
    criteriaSections: [
      { key: "exit", title: "To leave this stage", items: view.exitCriteria },
      { key: "entry", title: next ? `To enter ${next}` : "", items: view.nextEntryCriteria }
    ].filter((section) => section.items.length > 0).map((section) => ({
      ...section,
      dataId: `${section.key}-criteria`,
      items: section.items.map(verdict)
    })),
    nextStep: nextStep(shown.nextStep),
    // A viewer without a Handoff role sees everything and can change nothing, as on the HubSpot card.
    noRole: shown.noRole,
    timers: shown.timers.map(timer),
    hasTimers: view.timers.length > 0,
    handoffs: view.handoffs.map(
      (h) => handoff(h, timeZone, { viewerId: view.viewer.userId, people: view.people ?? {} }, reference)
    ),
    hasHandoffs: view.handoffs.length > 0
  };
}
var LIVE_TIMERS = ["breached", "at_risk", "running", "paused"];
var READER = { userId: "account-view", roles: [] };
function accountModel(playbook, records2, now, timeZone) {
  const rows = records2.opportunities.flatMap((opportunity) => {
    const headers = records2.handoffs.filter((h) => text(h, "Opportunity__c") === opportunity.id);
    const snapshot = buildSnapshot(playbook, {
      opportunity,
      handoffs: headers,
      items: records2.items
    });
    const view = evaluateRecord(playbook, snapshot, READER, now);
    if (view.handoffs.length === 0) return [];
    const live = view.timers.filter((t) => LIVE_TIMERS.includes(t.state)).sort((a, b) => LIVE_TIMERS.indexOf(a.state) - LIVE_TIMERS.indexOf(b.state));
    const name = text(opportunity, "Name") ?? "Opportunity";
    return [
      {
        id: opportunity.id,
        name,
        url: `/lightning/r/Opportunity/${opportunity.id}/view`,
        linkTitle: `Open ${name}`,
        stageLabel: view.currentStage?.label ?? text(opportunity, "StageName") ?? "",
        handoffs: view.handoffs.map((h) => {
          const model = handoff(h, timeZone);
          return {
            key: `${opportunity.id}:${h.id}`,
            label: h.label,
            statusLabel: model.statusLabel,
            statusClass: model.statusClass,
            progressText: model.progressText,
            progressValue: model.progressValue
          };
        }),
        timers: live.map((t) => ({
          ...timer(timerDisplay(t, timeZone)),
          key: `${opportunity.id}:${t.slaId}`
        })),
        hasTimers: live.length > 0,
        urgency: live[0] ? LIVE_TIMERS.indexOf(live[0].state) : LIVE_TIMERS.length
      }
    ];
  });
  rows.sort((a, b) => a.urgency - b.urgency || a.name.localeCompare(b.name));
  return { rows, hasRows: rows.length > 0 };
}

// salesforce-package/scripts/handoff-core/names.ts
var HANDOFF_LOCAL = "Handoff__c";
function namespaceOf(handoffObjectApiName) {
  const at = handoffObjectApiName.lastIndexOf(`__${HANDOFF_LOCAL}`);
  return at > 0 ? handoffObjectApiName.slice(0, at) : "";
}
var HEADER_FIELDS = [
  "Handoff_Id__c",
  "Record_Key__c",
  "Status__c",
  "Version__c",
  "Opportunity__c",
  ...MILESTONE_FIELDS,
  "Rejection_Reason__c",
  "Rejection_Comment__c",
  "Assigned_CSM__c"
];
var PEOPLE = Object.values(HANDOFF_PEOPLE);
function unprefixedCustom(name) {
  return /__[cr]$/.test(name) && name.split("__").length === 2;
}
function orgNames(handoffObjectApiName = HANDOFF_LOCAL) {
  const namespace = namespaceOf(handoffObjectApiName);
  const prefix = namespace === "" ? "" : `${namespace}__`;
  const q = (name) => prefix !== "" && unprefixedCustom(name) ? prefix + name : name;
  const unq = (name) => prefix !== "" && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  const handoff2 = q("Handoff__c");
  return {
    namespace,
    q,
    handoff: handoff2,
    item: q("Handoff_Item__c"),
    playbook: q("Handoff_Playbook__c"),
    handoffsList: q("Handoffs__r"),
    handoffFields: [
      ...HEADER_FIELDS.map((f) => `${handoff2}.${q(f)}`),
      `${handoff2}.LastModifiedDate`
    ],
    handoffPeopleFields: PEOPLE.map((r) => `${handoff2}.${q(r)}.Name`),
    local(record2) {
      if (prefix === "") return record2;
      const fields = {};
      for (const [name, field] of Object.entries(record2.fields)) fields[unq(name)] = field;
      return { ...record2, fields };
    },
    input(input) {
      if (prefix === "") return input;
      const fields = {};
      for (const [name, value2] of Object.entries(input.fields)) fields[q(name)] = value2;
      return { ...input.apiName ? { apiName: q(input.apiName) } : {}, fields };
    }
  };
}

// shared/dist/src/playbook/edit.js
var PlaybookEditSchema = discriminatedUnion("kind", [
  strictObject({ kind: literal("sla_target"), sla: Id, target: BusinessDuration }),
  /** No calendar: the SLA counts calendar time (24×7). */
  strictObject({ kind: literal("sla_calendar"), sla: Id, calendar: optional(Id) }),
  strictObject({
    kind: literal("sla_escalations"),
    sla: Id,
    escalations: array(EscalationDef)
  }),
  strictObject({
    kind: literal("role_teams"),
    role: Id,
    teams: array(string2().check(_minLength(1)))
  }),
  /** Replaces the item with the same id, or adds it at the end of the checklist. */
  strictObject({ kind: literal("checklist_item"), checklist: Id, item: ChecklistItemDef }),
  /** Replaces the criterion with the same id on that side of the stage, or adds it. */
  strictObject({
    kind: literal("stage_criterion"),
    stage: Id,
    side: _enum(["entry", "exit"]),
    criterion: CriterionDef
  })
]);
var PlaybookEditError = class extends Error {
};
function writesFor(data, edit) {
  const indexIn = (section, id, what) => {
    const list2 = data?.[section];
    const index = Array.isArray(list2) ? list2.findIndex((entry) => entry?.id === id) : -1;
    if (index < 0)
      throw new PlaybookEditError(`The playbook declares no ${what} \`${id}\`.`);
    return index;
  };
  const upsertAt = (path, id) => {
    const list2 = valueAt2(data, path);
    if (!Array.isArray(list2))
      return 0;
    const index = list2.findIndex((entry) => entry?.id === id);
    return index < 0 ? list2.length : index;
  };
  switch (edit.kind) {
    case "sla_target":
      return [{ path: ["slas", indexIn("slas", edit.sla, "SLA"), "target"], value: edit.target }];
    case "sla_calendar":
      return [
        { path: ["slas", indexIn("slas", edit.sla, "SLA"), "calendar"], value: edit.calendar }
      ];
    case "sla_escalations":
      return [
        {
          path: ["slas", indexIn("slas", edit.sla, "SLA"), "escalations"],
          value: edit.escalations
        }
      ];
    case "role_teams": {
      const roles = valueAt2(data, ["roles"]);
      if (typeof roles !== "object" || roles === null || !Object.prototype.hasOwnProperty.call(roles, edit.role))
        throw new PlaybookEditError(`The playbook declares no role \`${edit.role}\`.`);
      return [
        {
          path: ["roles", edit.role, "hubspotTeams"],
          value: edit.teams.length > 0 ? edit.teams : void 0
        }
      ];
    }
    case "checklist_item": {
      const at = [
        "checklists",
        indexIn("checklists", edit.checklist, "checklist"),
        "items"
      ];
      return [{ path: [...at, upsertAt(at, edit.item.id)], value: edit.item }];
    }
    case "stage_criterion": {
      const at = ["stages", indexIn("stages", edit.stage, "stage"), edit.side];
      return [{ path: [...at, upsertAt(at, edit.criterion.id)], value: edit.criterion }];
    }
  }
}
function applyWrites(data, writes) {
  return writes.reduce((current, write) => writeAt(current, write.path, write.value), data);
}
function writeAt(node, path, value2) {
  const [head, ...rest] = path;
  if (head === void 0)
    return value2;
  const copy = Array.isArray(node) ? [...node] : { ...typeof node === "object" ? node : {} };
  const next = writeAt(copy[head], rest, value2);
  if (next === void 0 && rest.length === 0 && !Array.isArray(copy))
    delete copy[head];
  else
    copy[head] = next;
  return copy;
}
function valueAt2(data, path) {
  return path.reduce((node, segment) => typeof node === "object" && node !== null ? node[segment] : void 0, data);
}
function editPlaybookJson(text2, edit) {
  let data;
  try {
    data = JSON.parse(text2);
  } catch (error) {
    return { text: text2, result: { ok: false, issues: [jsonSyntaxIssue(text2, error)] } };
  }
  const edited = applyWrites(data, writesFor(data, edit));
  const out = JSON.stringify(edited, null, 2);
  const result = parsePlaybook(edited);
  return {
    text: out,
    result: result.ok ? result : { ok: false, issues: locateIssues(result.issues, jsonPositions(out)) }
  };
}

// salesforce-package/scripts/handoff-core/queue.ts
var OPEN_STATUSES = ["not_started", "in_progress", "submitted", "rejected"];
function opportunityIdPages(handoffs, size = OPPORTUNITY_PAGE) {
  const ids = [...new Set(handoffs.flatMap((h) => text(h, "Opportunity__c") ?? []))].sort();
  const pages = [];
  for (let i = 0; i < ids.length; i += size) pages.push(ids.slice(i, i + size));
  return pages;
}
var OPPORTUNITY_PAGE = 100;
var BADGES2 = {
  neutral: "slds-badge",
  info: "slds-badge slds-theme_info",
  warning: "slds-badge slds-theme_warning",
  danger: "slds-badge slds-theme_error",
  success: "slds-badge slds-theme_success"
};
function opportunityOf(header) {
  const id = text(header, "Opportunity__c");
  const node = header.fields.Opportunity__r;
  if (!id || !node) return void 0;
  const fields = {};
  for (const [name, field] of Object.entries(node))
    if (field && typeof field === "object") fields[name] = field;
  return { id, fields };
}
function byOpportunity(headers) {
  const out = /* @__PURE__ */ new Map();
  for (const header of headers) {
    const record2 = opportunityOf(header);
    if (!record2) continue;
    const seen = out.get(record2.id);
    if (seen) seen.headers.push(header);
    else out.set(record2.id, { record: record2, headers: [header] });
  }
  return out;
}
function everyRole(playbook) {
  return { userId: "handoff-queue", roles: Object.keys(playbook.roles) };
}
function snapshotOf(playbook, opportunity, records2) {
  const mapped = records2.opportunities?.[opportunity.record.id];
  return buildSnapshot(playbook, {
    // The header's parent node, with the playbook's fields the batch read brought.
    opportunity: mapped ? {
      id: opportunity.record.id,
      fields: { ...mapped.fields, ...opportunity.record.fields }
    } : opportunity.record,
    handoffs: opportunity.headers,
    items: records2.items
  });
}
function queueModel(playbook, records2, viewer, now, timeZone) {
  const everyone = everyRole(playbook);
  const found = [];
  for (const opportunity of byOpportunity(records2.handoffs).values()) {
    const snapshot = snapshotOf(playbook, opportunity, records2);
    const view = evaluateRecord(playbook, snapshot, everyone, now);
    const name = text(opportunity.record, "Name") ?? "Opportunity";
    for (const entry of queueEntriesOf(playbook, view, name)) {
      if (!mayAct(entry, viewer)) continue;
      const header = opportunity.headers.find((h) => text(h, "Handoff_Id__c") === entry.handoffId);
      if (!header) continue;
      const timer2 = entry.timer && view.timers.find((t) => t.slaId === entry.timer?.slaId);
      found.push({
        entry,
        row: () => {
          const status = HANDOFF_STATUSES[entry.status];
          const shown = timer2 ? timerDisplay(timer2, timeZone) : void 0;
          const progress = progressOf({ progress: entry.checklist });
          const submitter = relatedName(header, "Submitted_By__r");
          return {
            key: `${entry.recordId}:${entry.handoffId}`,
            recordId: entry.recordId,
            handoffId: entry.handoffId,
            recordName: name,
            recordUrl: `/lightning/r/Opportunity/${entry.recordId}/view`,
            linkTitle: `Open ${name}`,
            stageLabel: entry.stage?.label ?? text(opportunity.record, "StageName") ?? "",
            handoffLabel: entry.handoffLabel,
            statusLabel: status.label,
            statusClass: BADGES2[status.tone] ?? "slds-badge",
            move: MOVES[entry.ball.action](entry.handoffLabel),
            submittedText: entry.submitted ? `Submitted by ${submitter ?? "someone"}, ${formatDateTime(entry.submitted.at, timeZone)}` : "Not submitted yet",
            progressText: progress.text,
            progressValue: progress.percent,
            timer: shown ? {
              label: shown.label,
              stateLabel: shown.stateLabel,
              badgeClass: BADGES2[shown.tone] ?? "slds-badge",
              detail: shown.detail
            } : null,
            canReview: entry.ball.action === "accept",
            acceptLabel: `Accept ${entry.handoffLabel} for ${name}`,
            rejectLabel: `Reject ${entry.handoffLabel} for ${name}`,
            rejectReasons: entry.rejectReasons.map((r) => ({ label: r.label, value: r.id }))
          };
        }
      });
    }
  }
  found.sort((a, b) => compareQueueEntries(a.entry, b.entry));
  const rows = found.map((f) => f.row());
  return { rows, total: rows.length, hasRows: rows.length > 0 };
}
function planQueueAction(playbook, records2, target, context, action) {
  const opportunity = byOpportunity(records2.handoffs).get(target.recordId);
  const header = opportunity?.headers.find((h) => text(h, "Handoff_Id__c") === target.handoffId);
  if (!opportunity || !header)
    return { ok: false, message: "This handoff is no longer in your queue; the list reloads." };
  const snapshot = snapshotOf(playbook, opportunity, records2);
  const plan = planAction(
    { playbook, snapshot, header, rows: records2.items[header.id] ?? [], ...context },
    action
  );
  return { ...plan, header };
}

// shared/dist/src/preview/words.js
var UNITS = {
  business_minutes: "business minute",
  business_hours: "business hour",
  calendar_hours: "hour",
  business_days: "business day"
};
function durationWords(d) {
  const plural = d.amount === 1 ? "" : "s";
  const close = d.unit === "business_days" && d.mode === "end_of_day" ? ", due at the close" : "";
  return `${d.amount} ${UNITS[d.unit]}${plural}${close}`;
}
function warnWords(warn) {
  if (warn === void 0)
    return "no warning";
  return "before" in warn ? `at risk ${durationWords(warn.before)} before due` : `at risk at ${warn.consumedPercent}% of the time`;
}
function roleWords(playbook, ids) {
  return ids.length === 0 ? "nobody" : ids.map((id) => playbook.roles[id]?.label ?? id).join(", ");
}
function stageName(playbook, id) {
  return playbook.stages.find((s) => s.id === id)?.label ?? id;
}
function handoffName(playbook, id) {
  return playbook.handoffs.find((h) => h.id === id)?.label ?? id;
}
function recordWords(playbook, stageId) {
  const stage = playbook.stages.find((s) => s.id === stageId);
  return `the ${stage ? objectOfStage(stage) : "deal"}`;
}
function startWords(playbook, s) {
  if (s.on === "stage_entered")
    return `${recordWords(playbook, s.stage)} enters ${stageName(playbook, s.stage)}`;
  if (s.on === "field_date")
    return `the date in ${playbook.fields[s.field]?.label ?? s.field}`;
  const verb2 = s.on === "handoff_opened" ? "opens" : "is submitted";
  return `${handoffName(playbook, s.handoff)} ${verb2}`;
}
function stopWords(playbook, stops) {
  return stops.map((s) => {
    if (s.on === "stage_entered")
      return `${recordWords(playbook, s.stage)} enters ${stageName(playbook, s.stage)}`;
    if (s.on === "stage_left")
      return `${recordWords(playbook, s.stage)} leaves ${stageName(playbook, s.stage)}`;
    if (s.on === "field_set")
      return `${playbook.fields[s.field]?.label ?? s.field} is set`;
    if (s.on === "first_activity")
      return "sales first logs a call, email or meeting";
    const verb2 = s.on === "handoff_submitted" ? "is submitted" : "is accepted";
    return `${handoffName(playbook, s.handoff)} ${verb2}`;
  }).join(" or ");
}
function escalationWords(playbook, e) {
  const to = e.to === void 0 ? "whoever it waits on" : e.to === "owner" ? "the owner" : "user" in e.to ? `user ${e.to.user}` : `every ${playbook.roles[e.to.role]?.label ?? e.to.role}`;
  const what = e.action === "task" ? "a task for" : e.action === "note" ? "a note to" : "reassign to";
  const when = e.when === "at_risk" ? "when at risk" : e.after ? `${durationWords(e.after)} after the breach` : "on breach";
  return `${what} ${to} ${when}`;
}
function same(a, b) {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

// shared/dist/src/playbook/explain.js
function criterion(playbook, c) {
  const block = c.severity === "block" ? "blocks" : "warns";
  return `${c.label} — ${rule(playbook, c.rule)} (${block})`;
}
function rule(playbook, r) {
  switch (r.op) {
    case "all":
      return r.rules.map((x) => rule(playbook, x)).join(" and ");
    case "any":
      return `either ${r.rules.map((x) => rule(playbook, x)).join(" or ")}`;
    case "not":
      return `not (${rule(playbook, r.rule)})`;
    case "checklist_complete":
      return `the ${handoffLabel(playbook, r.handoff)} checklist is complete`;
    case "item_done":
      return `"${r.item}" of ${handoffLabel(playbook, r.handoff)} is done`;
    case "handoff_status":
      return `${handoffLabel(playbook, r.handoff)} is ${r.in.join(" or ").replace(/_/g, " ")}`;
    default: {
      const field = playbook.fields[r.field];
      return field ? `${field.label} ${describeRequirement(r, field)}` : `${r.field} ${r.op}`;
    }
  }
}
function handoffLabel(playbook, id) {
  return playbook.handoffs.find((h) => h.id === id)?.label ?? id;
}

// shared/dist/src/preview/diff.js
function diffPlaybooks(old, next) {
  const out = [];
  const push = (area, id, text2) => {
    out.push({ area, id, text: text2 });
  };
  if (old.name !== next.name)
    push("playbook", "name", `Name: ${old.name} → ${next.name}`);
  if (old.version !== next.version)
    push("playbook", "version", `Version: ${old.version} → ${next.version}`);
  diffFields(old, next, push);
  diffCalendars(old, next, push);
  diffRoles(old, next, push);
  diffStages(old, next, push);
  diffChecklists(old, next, push);
  diffHandoffs(old, next, push);
  diffSlas(old, next, push);
  return out;
}
function byId(old, next) {
  const nextIds = new Map(next.map((x) => [x.id, x]));
  const oldIds = new Set(old.map((x) => x.id));
  return {
    removed: old.filter((x) => !nextIds.has(x.id)),
    kept: old.flatMap((x) => {
      const n = nextIds.get(x.id);
      return n ? [[x, n]] : [];
    }),
    added: next.filter((x) => !oldIds.has(x.id))
  };
}
function entries(record2) {
  return Object.entries(record2).map(([id, value2]) => ({ ...value2, id }));
}
function diffFields(old, next, push) {
  const { removed, kept, added } = byId(entries(old.fields), entries(next.fields));
  for (const f of added)
    push("field", f.id, `Field added: ${f.label} (${f.type})`);
  for (const f of removed)
    push("field", f.id, `Field removed: ${f.label}`);
  for (const [a, b] of kept) {
    if (a.type !== b.type)
      push("field", a.id, `Field ${b.label}: type ${a.type} → ${b.type}`);
    if (a.label !== b.label)
      push("field", a.id, `Field ${a.label} renamed ${b.label}`);
    const mapping = ["hubspot", "salesforce", "options"];
    for (const key of mapping) {
      if (!same(a[key], b[key]))
        push("field", a.id, `Field ${b.label}: ${key} mapping changed`);
    }
  }
}
function diffCalendars(old, next, push) {
  const { removed, kept, added } = byId(entries(old.calendars), entries(next.calendars));
  for (const c of added)
    push("calendar", c.id, `Calendar added: ${c.id} (${c.timeZone})`);
  for (const c of removed)
    push("calendar", c.id, `Calendar removed: ${c.id}`);
  for (const [a, b] of kept) {
    if (a.timeZone !== b.timeZone)
      push("calendar", a.id, `Calendar ${a.id}: time zone ${a.timeZone} → ${b.timeZone}`);
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    for (const day of days) {
      if (!same(a.weekly[day] ?? [], b.weekly[day] ?? []))
        push("calendar", a.id, `Calendar ${a.id}: ${day} hours ${hours2(a.weekly[day])} → ${hours2(b.weekly[day])}`);
    }
    const key = (h) => `${h.date} ${h.from ?? ""}-${h.to ?? ""}`;
    const oldHolidays = new Map((a.holidays ?? []).map((h) => [key(h), h]));
    const newHolidays = new Map((b.holidays ?? []).map((h) => [key(h), h]));
    for (const [k, h] of newHolidays)
      if (!oldHolidays.has(k))
        push("calendar", a.id, `Calendar ${a.id}: holiday added ${holiday(h)}`);
    for (const [k, h] of oldHolidays)
      if (!newHolidays.has(k))
        push("calendar", a.id, `Calendar ${a.id}: holiday removed ${holiday(h)}`);
    if ((a.hoursPerDay ?? 8) !== (b.hoursPerDay ?? 8))
      push("calendar", a.id, `Calendar ${a.id}: a business day is ${a.hoursPerDay ?? 8} → ${b.hoursPerDay ?? 8} hours`);
  }
}
function hours2(windows2) {
  return windows2 && windows2.length > 0 ? windows2.map(([f, t]) => `${f}–${t}`).join(", ") : "closed";
}
function holiday(h) {
  const span = h.from !== void 0 || h.to !== void 0 ? ` ${h.from ?? "00:00"}–${h.to ?? "24:00"}` : "";
  return `${h.date}${span}${h.name ? ` (${h.name})` : ""}`;
}
function diffRoles(old, next, push) {
  const { removed, kept, added } = byId(entries(old.roles), entries(next.roles));
  for (const r of added)
    push("role", r.id, `Role added: ${r.label}`);
  for (const r of removed)
    push("role", r.id, `Role removed: ${r.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label)
      push("role", a.id, `Role ${a.label} renamed ${b.label}`);
    if (!same(a.hubspotTeams ?? [], b.hubspotTeams ?? []))
      push("role", a.id, `Role ${b.label}: HubSpot teams ${list(a.hubspotTeams)} → ${list(b.hubspotTeams)}`);
  }
}
function list(values) {
  return values && values.length > 0 ? values.join(", ") : "none";
}
function diffStages(old, next, push) {
  const { removed, kept, added } = byId(old.stages, next.stages);
  for (const s of added)
    push("stage", s.id, `Stage added: ${s.label}`);
  for (const s of removed)
    push("stage", s.id, `Stage removed: ${s.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label)
      push("stage", a.id, `Stage ${a.label} renamed ${b.label}`);
    if (a.outcome !== b.outcome)
      push("stage", a.id, `Stage ${b.label}: outcome ${a.outcome ?? "none"} → ${b.outcome ?? "none"}`);
    if (!same(a.hubspot, b.hubspot) || !same(a.salesforce, b.salesforce))
      push("stage", a.id, `Stage ${b.label}: CRM stage mapping changed`);
    diffCriteria(old, next, a.entry, b.entry, `to enter ${b.label}`, `${a.id}.entry`, push);
    diffCriteria(old, next, a.exit, b.exit, `to leave ${b.label}`, `${a.id}.exit`, push);
  }
  const order = (p) => p.stages.map((s) => s.id).filter((id) => kept.some(([k]) => k.id === id)).join();
  if (order(old) !== order(next))
    push("stage", "stages", "Stages reordered");
}
function diffCriteria(old, next, a, b, where, idPrefix, push) {
  const { removed, kept, added } = byId(a, b);
  for (const c of added)
    push("criterion", `${idPrefix}.${c.id}`, `Criterion added ${where}: ${criterion(next, c)}`);
  for (const c of removed)
    push("criterion", `${idPrefix}.${c.id}`, `Criterion removed ${where}: ${criterion(old, c)}`);
  for (const [x, y] of kept) {
    if (!same(x, y))
      push("criterion", `${idPrefix}.${x.id}`, `Criterion changed ${where}: ${criterion(old, x)} → ${criterion(next, y)}`);
  }
}
function diffChecklists(old, next, push) {
  const { removed, kept, added } = byId(old.checklists, next.checklists);
  for (const c of added)
    push("checklist", c.id, `Checklist added: ${c.label}`);
  for (const c of removed)
    push("checklist", c.id, `Checklist removed: ${c.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label)
      push("checklist", a.id, `Checklist ${a.label} renamed ${b.label}`);
    const items = byId(a.items, b.items);
    const id = (item2) => `${a.id}.${item2.id}`;
    for (const item2 of items.added)
      push("checklist", id(item2), `${b.label}: ${item2.required ? "required" : "optional"} item added '${item2.label}'`);
    for (const item2 of items.removed)
      push("checklist", id(item2), `${b.label}: item removed '${item2.label}'`);
    for (const [x, y] of items.kept) {
      if (x.required !== y.required)
        push("checklist", id(x), `${b.label}: '${y.label}' is now ${y.required ? "required" : "optional"}`);
      if (x.label !== y.label)
        push("checklist", id(x), `${b.label}: '${x.label}' renamed '${y.label}'`);
      if (x.kind !== y.kind || !same(x.options, y.options) || x.field !== y.field)
        push("checklist", id(x), `${b.label}: '${y.label}' asks for a different answer`);
      if (x.owner !== y.owner)
        push("checklist", id(x), `${b.label}: '${y.label}' owner ${roleWords(old, x.owner ? [x.owner] : [])} → ${roleWords(next, y.owner ? [y.owner] : [])}`);
    }
  }
}
function diffHandoffs(old, next, push) {
  const { removed, kept, added } = byId(old.handoffs, next.handoffs);
  for (const h of added)
    push("handoff", h.id, `Handoff added: ${h.label}`);
  for (const h of removed)
    push("handoff", h.id, `Handoff removed: ${h.label}`);
  for (const [a, b] of kept) {
    if (a.label !== b.label)
      push("handoff", a.id, `Handoff ${a.label} renamed ${b.label}`);
    if (a.opensAt !== b.opensAt)
      push("handoff", a.id, `${b.label}: opens at ${a.opensAt} → ${b.opensAt}`);
    if (a.checklist !== b.checklist)
      push("handoff", a.id, `${b.label}: checklist ${a.checklist} → ${b.checklist}`);
    for (const key of ["submit", "accept", "reject"]) {
      if (!same(a[key], b[key]))
        push("role", `${a.id}.${key}`, `${b.label}: who may ${key} ${roleWords(old, a[key])} → ${roleWords(next, b[key])}`);
    }
    if (!same(a.rejectReasons, b.rejectReasons))
      push("handoff", a.id, `${b.label}: reasons to reject changed`);
    diffCriteria(old, next, a.criteria, b.criteria, `to submit ${b.label}`, `${a.id}.criteria`, push);
  }
}
function diffSlas(old, next, push) {
  const { removed, kept, added } = byId(old.slas, next.slas);
  for (const s of added)
    push("sla", s.id, `SLA added: ${s.label} (${durationWords(s.target)})`);
  for (const s of removed)
    push("sla", s.id, `SLA removed: ${s.label}`);
  for (const [a, b] of kept) {
    const label = b.label;
    if (a.label !== b.label)
      push("sla", a.id, `SLA ${a.label} renamed ${b.label}`);
    if (!same(a.target, b.target))
      push("sla", a.id, `${label}: ${durationWords(a.target)} → ${durationWords(b.target)}`);
    if ((a.calendar ?? null) !== (b.calendar ?? null))
      push("sla", a.id, `${label}: calendar ${a.calendar ?? "around the clock"} → ${b.calendar ?? "around the clock"}`);
    if (!same(a.start, b.start))
      push("sla", a.id, `${label}: starts when ${startWords(old, a.start)} → when ${startWords(next, b.start)}`);
    if (!same(stopsOf(a), stopsOf(b)))
      push("sla", a.id, `${label}: stops when ${stopWords(old, stopsOf(a))} → when ${stopWords(next, stopsOf(b))}`);
    if (!same(a.pause, b.pause))
      push("sla", a.id, `${label}: ${b.pause.length > 0 ? "now pauses" : "no longer pauses"} while sent back for rework`);
    if (!same(a.warn, b.warn))
      push("sla", a.id, `${label}: ${warnWords(a.warn)} → ${warnWords(b.warn)}`);
    if ((a.waitsOn ?? null) !== (b.waitsOn ?? null))
      push("role", `${a.id}.waitsOn`, `${label}: waits on ${roleWords(old, a.waitsOn ? [a.waitsOn] : [])} → ${roleWords(next, b.waitsOn ? [b.waitsOn] : [])}`);
    const levels = Math.max(a.escalations.length, b.escalations.length);
    for (let i = 0; i < levels; i++) {
      const x = a.escalations[i];
      const y = b.escalations[i];
      const id = `${a.id}.L${i + 1}`;
      if (x && !y)
        push("escalation", id, `${label}: level ${i + 1} removed (${escalationWords(old, x)})`);
      else if (!x && y)
        push("escalation", id, `${label}: level ${i + 1} added (${escalationWords(next, y)})`);
      else if (x && y && !same(x, y))
        push("escalation", id, `${label}: level ${i + 1} ${escalationWords(old, x)} → ${escalationWords(next, y)}`);
    }
  }
}

// shared/dist/src/escalation/move.js
function nextMoveOf(playbook, sla, view) {
  const waitsOn2 = slaWaitsOn(playbook, sla);
  const moves = [];
  for (const stop of stopsOf(sla)) {
    switch (stop.on) {
      case "handoff_submitted":
      case "handoff_accepted": {
        const handoff2 = view.handoffs.find((h) => h.id === stop.handoff);
        const label = handoff2?.label ?? playbook.handoffs.find((h) => h.id === stop.handoff)?.label;
        if (label === void 0)
          break;
        const ball = handoff2?.next;
        const own2 = stop.on === "handoff_submitted" ? "submit" : "accept";
        if (ball && (waitsOn2 === void 0 || ball.roles.includes(waitsOn2)))
          moves.push(MOVES[ball.action](label));
        else if (ball)
          moves.push(`${MOVES[own2](label)}; it waits on the ${ball.label} first`);
        else
          moves.push(MOVES[own2](label));
        break;
      }
      case "stage_entered":
        moves.push(`Move the ${view.record.objectType} to ${stageLabel(playbook, stop.stage)}`);
        break;
      case "stage_left":
        moves.push(`Move the ${view.record.objectType} on from ${stageLabel(playbook, stop.stage)}`);
        break;
      case "field_set":
        moves.push(`Fill in ${playbook.fields[stop.field]?.label ?? stop.field}`);
        break;
    }
  }
  const unique = [...new Set(moves)];
  if (unique.length === 0)
    return `Act on the ${view.record.objectType}`;
  return unique.map((m, i) => i === 0 ? m : m.charAt(0).toLowerCase() + m.slice(1)).join(", or ");
}
function stageLabel(playbook, stageId) {
  return playbook.stages.find((s) => s.id === stageId)?.label ?? stageId;
}

// shared/dist/src/escalation/time.js
function namedTime(at, timeZone) {
  return formatDateTime(at, { viewer: timeZone, reference: "" });
}

// shared/dist/src/escalation/plan.js
function escalationKey(record2, slaId, level, startedAt) {
  return [record2.crm, record2.objectType, record2.recordId, slaId, `L${level}`, startedAt].join(":");
}
function planEscalations(playbook, views, alreadyDone, _now) {
  const slas = new Map(playbook.slas.map((sla) => [sla.id, sla]));
  const actions = [];
  for (const view of views) {
    for (const timer2 of view.timers) {
      const sla = slas.get(timer2.slaId);
      if (!sla)
        continue;
      const latest = Math.max(-1, ...timer2.escalationsReached);
      for (const index of timer2.escalationsReached) {
        const escalation = sla.escalations[index];
        if (!escalation)
          continue;
        const key = escalationKey(view.record, sla.id, index + 1, timer2.startedAt);
        if (alreadyDone.has(key))
          continue;
        const waitsOn2 = slaWaitsOn(playbook, sla);
        const to = escalation.to ?? (waitsOn2 === void 0 ? "owner" : { role: waitsOn2 });
        actions.push({
          key,
          record: view.record,
          slaId: sla.id,
          slaLabel: sla.label,
          level: index + 1,
          when: escalation.when,
          action: escalation.action,
          to,
          ...waitsOn2 === void 0 ? {} : { waitsOn: waitsOn2 },
          ...timer2.waitsOn ? { waitsOnLabel: timer2.waitsOn.label } : {},
          move: nextMoveOf(playbook, sla, view),
          supersedes: Array.from({ length: index }, (_, earlier) => escalationKey(view.record, sla.id, earlier + 1, timer2.startedAt)),
          superseded: index < latest,
          levelLabel: levelWord(escalation),
          title: title(sla.label, escalation, timer2),
          timer: {
            state: timer2.state,
            dueAt: timer2.dueAt,
            remainingMs: timer2.remainingMs,
            startedAt: timer2.startedAt,
            calendarTimeZone: timer2.calendarTimeZone
          }
        });
      }
    }
  }
  return actions;
}
function levelWord(escalation) {
  if (escalation.when === "at_risk")
    return TIMER_STATES.at_risk.label;
  return escalation.after ? `Still ${TIMER_STATES.breached.label.toLowerCase()}` : TIMER_STATES.breached.label;
}
function title(label, escalation, timer2) {
  const due = timer2.dueAt === null ? "" : ` (due ${namedTime(timer2.dueAt, timer2.calendarTimeZone ?? "UTC")})`;
  return `${levelWord(escalation)}: ${label}${due}`;
}

// shared/dist/src/preview/limit.js
var DEFAULT_ESCALATIONS_ON_SAVE = 25;
function escalationLimitOf(playbook) {
  return playbook.guardRails?.maxEscalationsOnSave ?? DEFAULT_ESCALATIONS_ON_SAVE;
}

// shared/dist/src/preview/reuse.js
function sameRules(old, next) {
  const items = same(old.checklists, next.checklists) && same(old.handoffs, next.handoffs);
  const submissions = items && same(old.fields, next.fields);
  const criteria = submissions && same(old.stages, next.stages);
  const slas = /* @__PURE__ */ new Set();
  if (criteria && same(old.calendars, next.calendars) && same(old.roles, next.roles))
    for (const sla of next.slas) {
      const was = old.slas.find((s) => s.id === sla.id);
      if (was && same(was, sla))
        slas.add(sla.id);
    }
  return { items, submissions, criteria, slas };
}
function timerOf(playbook, sla, record2, now) {
  return evaluateTimers(withOnly(playbook, sla), record2, now).timers[0];
}
var single = /* @__PURE__ */ new WeakMap();
function withOnly(playbook, sla) {
  let bySla = single.get(playbook);
  if (!bySla)
    single.set(playbook, bySla = /* @__PURE__ */ new Map());
  let one2 = bySla.get(sla.id);
  if (!one2)
    bySla.set(sla.id, one2 = { ...playbook, slas: [sla] });
  return one2;
}

// shared/dist/src/preview/now.js
var PREVIEW_VIEWER = { userId: "preview", roles: [] };
function previewPlaybookChange(input) {
  const { old, new: next, now } = input;
  const timers = new Groups();
  const criteria = new Groups();
  const submissions = new Groups();
  const escalations = new Groups();
  let records2 = 0;
  const objects = {};
  const rules = sameRules(old, next);
  for (const snapshot of input.records) {
    records2++;
    const parsed = RecordSnapshotSchema.safeParse(snapshot);
    if (!parsed.success)
      continue;
    const record2 = parsed.data;
    const object2 = recordObjectOf(record2.objectType) ?? "deal";
    objects[object2] = (objects[object2] ?? 0) + 1;
    const before = previewView(old, record2, now);
    const after = rules.criteria ? { ...before, timers: timersReusing(next, record2, now, before.timers, rules.slas) } : previewView(next, record2, now);
    compareTimers(before, after, record2.recordId, timers);
    if (!rules.criteria) {
      compareVerdicts(before, after, record2.recordId, criteria);
      compareSubmissions(before, after, record2.recordId, submissions);
    }
    const done2 = input.alreadyDone ?? new Set(reachedKeys(before));
    if (reachedKeys(after).some((key) => !done2.has(key)))
      for (const action of planEscalations(next, [evaluateRecord(next, snapshot, PREVIEW_VIEWER, now)], done2, now))
        addEscalation(next, action, escalations);
  }
  const objectOf = groupObjects(old, next);
  const preview = {
    now,
    records: records2,
    objects,
    changes: diffPlaybooks(old, next),
    timers: timers.list().map((g) => ({ ...g, object: objectOf.sla(g.slaId) })),
    criteria: criteria.list().map((g) => ({ ...g, object: objectOf.scope(g.scope) })),
    submissions: submissions.list().map((g) => ({ ...g, object: objectOf.handoff(g.handoffId) })),
    escalations: escalations.list().map((g) => ({ ...g, object: objectOf.sla(g.slaId) })).sort((a, b) => a.slaId.localeCompare(b.slaId) || a.level - b.level)
  };
  const escalationCount = preview.escalations.reduce((n, e) => n + e.count, 0);
  const escalationLimit = escalationLimitOf(next);
  return {
    ...preview,
    escalationCount,
    escalationLimit,
    needsConfirmation: escalationCount > escalationLimit,
    summary: [
      ...preview.timers,
      ...preview.submissions,
      ...preview.criteria,
      ...preview.escalations
    ].sort((a, b) => b.count - a.count).map((g) => g.text)
  };
}
function groupObjects(old, next) {
  const sla = (id) => {
    for (const p of [next, old]) {
      const def = p.slas.find((s) => s.id === id);
      if (def)
        return objectOfSla(p, def);
    }
    return "deal";
  };
  const handoff2 = (id) => {
    for (const p of [next, old]) {
      const def = p.handoffs.find((h) => h.id === id);
      if (def)
        return objectOfHandoff(p, def);
    }
    return "deal";
  };
  const stage = (id) => {
    const def = next.stages.find((s) => s.id === id) ?? old.stages.find((s) => s.id === id);
    return def ? objectOfStage(def) : "deal";
  };
  const scope2 = (value2) => {
    const [kind, id = ""] = value2.split(":");
    return kind === "submit" ? handoff2(id) : stage(id);
  };
  return { sla, handoff: handoff2, scope: scope2 };
}
function previewView(whole, record2, now) {
  const playbook = playbookForRecord(whole, record2);
  const stageIndex = playbook.stages.findIndex((s) => s.id === record2.stage);
  const current = playbook.stages[stageIndex];
  const context = { playbook, fields: record2.fields, handoffs: record2.handoffs };
  const next = current ? nextStage(playbook, stageIndex) : void 0;
  return {
    record: recordRef(record2),
    currentStage: current ? { id: current.id, label: current.label } : null,
    exitCriteria: current ? current.exit.map((c) => evaluateCriterion(c, context)) : [],
    nextStage: next ? { id: next.id, label: next.label } : null,
    nextEntryCriteria: next ? next.entry.map((c) => evaluateCriterion(c, context)) : [],
    timers: evaluateTimers(playbook, record2, now).timers,
    handoffs: playbook.handoffs.filter((h) => isHandoffShown(playbook, h, record2)).map((handoff2) => {
      const state = record2.handoffs[handoff2.id] ?? INITIAL_STATE;
      const items = (checklistOf(playbook, handoff2)?.items ?? []).map((item2) => ({
        id: item2.id,
        label: item2.label,
        required: item2.required,
        done: itemStatus(playbook, item2, state, record2.fields).done
      }));
      const required2 = items.filter((i) => i.required);
      return {
        id: handoff2.id,
        label: handoff2.label,
        status: state.status,
        items,
        progress: {
          requiredDone: required2.filter((i) => i.done).length,
          required: required2.length
        },
        criteria: handoff2.criteria.map((c) => evaluateCriterion(c, context))
      };
    })
  };
}
function timersReusing(whole, record2, now, current, alike) {
  const playbook = playbookForRecord(whole, record2);
  if (alike.size === 0)
    return evaluateTimers(playbook, record2, now).timers;
  const out = [];
  for (const sla of playbook.slas) {
    const timer2 = alike.has(sla.id) ? current.find((t) => t.slaId === sla.id) : timerOf(playbook, sla, record2, now);
    if (timer2)
      out.push(timer2);
  }
  return out;
}
function reachedKeys(view) {
  return view.timers.flatMap((timer2) => timer2.escalationsReached.map((index) => escalationKey(view.record, timer2.slaId, index + 1, timer2.startedAt)));
}
var Groups = class {
  constructor() {
    __publicField(this, "groups", /* @__PURE__ */ new Map());
    __publicField(this, "texts", /* @__PURE__ */ new Map());
  }
  add(key, recordId, make, text2) {
    let group = this.groups.get(key);
    if (!group) {
      group = { ...make(), count: 0, recordIds: [], text: "", object: "deal" };
      this.groups.set(key, group);
      this.texts.set(key, text2);
    }
    group.count++;
    group.recordIds.push(recordId);
  }
  peek(key) {
    return this.groups.get(key);
  }
  list() {
    return [...this.groups].map(([key, g]) => ({
      ...g,
      text: this.texts.get(key)?.(g.count) ?? ""
    }));
  }
};
function records(n) {
  return `${n} ${n === 1 ? "record" : "records"}`;
}
function stateWords(state) {
  return state === "none" ? "no timer" : TIMER_STATES[state].label.toLowerCase();
}
function compareTimers(before, after, recordId, groups) {
  const old = new Map(before.timers.map((t) => [t.slaId, t]));
  const next = new Map(after.timers.map((t) => [t.slaId, t]));
  for (const slaId of /* @__PURE__ */ new Set([...old.keys(), ...next.keys()])) {
    const from = old.get(slaId)?.state ?? "none";
    const to = next.get(slaId)?.state ?? "none";
    if (from === to)
      continue;
    const label = next.get(slaId)?.label ?? old.get(slaId)?.label ?? slaId;
    groups.add(`${slaId}|${from}|${to}`, recordId, () => ({ slaId, label, from, to }), (n) => `${records(n)} ${n === 1 ? "goes" : "go"} from ${stateWords(from)} to ${stateWords(to)}: ${label}`);
  }
}
function verdictScopes(view) {
  const out = /* @__PURE__ */ new Map();
  const stage = view.currentStage;
  if (stage)
    for (const v of view.exitCriteria)
      out.set(`exit:${stage.id}|${v.id}`, { where: `to leave ${stage.label}`, verdict: v });
  const next = view.nextStage;
  if (next)
    for (const v of view.nextEntryCriteria)
      out.set(`entry:${next.id}|${v.id}`, { where: `to enter ${next.label}`, verdict: v });
  for (const h of view.handoffs)
    for (const v of h.criteria)
      out.set(`submit:${h.id}|${v.id}`, { where: `to submit ${h.label}`, verdict: v });
  return out;
}
function compareVerdicts(before, after, recordId, groups) {
  const old = verdictScopes(before);
  const next = verdictScopes(after);
  for (const key of /* @__PURE__ */ new Set([...old.keys(), ...next.keys()])) {
    const a = old.get(key);
    const b = next.get(key);
    const from = a?.verdict.outcome ?? "none";
    const to = b?.verdict.outcome ?? "none";
    if (from === to)
      continue;
    const [scope2 = "", criterionId = ""] = key.split("|");
    const shown = b ?? a;
    groups.add(`${key}|${from}|${to}`, recordId, () => ({ scope: scope2, criterionId, label: shown.verdict.label, from, to }), (n) => `${records(n)}: '${shown.verdict.label}' (${shown.where}) goes from ${outcomeWords(from)} to ${outcomeWords(to)}`);
  }
}
function outcomeWords(outcome) {
  return outcome === "none" ? "not checked" : outcome === "pass" ? "met" : outcome === "fail" ? "not met" : "unknown";
}
function submittable(h) {
  return h.progress.requiredDone === h.progress.required && h.criteria.every((c) => c.outcome === "pass" || c.severity === "warn");
}
var WAITING_FOR_SUBMISSION = /* @__PURE__ */ new Set(["not_started", "in_progress", "rejected"]);
function compareSubmissions(before, after, recordId, groups) {
  for (const h of after.handoffs) {
    if (!WAITING_FOR_SUBMISSION.has(h.status) || submittable(h))
      continue;
    const was = before.handoffs.find((x) => x.id === h.id);
    if (!was || !submittable(was))
      continue;
    const wasRequired = new Set(was.items.filter((i) => i.required).map((i) => i.id));
    const reasons = [
      ...h.items.filter((i) => i.required && !i.done && !wasRequired.has(i.id)).map((i) => `new required item '${i.label}'`),
      ...h.criteria.filter((c) => c.outcome !== "pass" && c.severity === "block").map((c) => `'${c.label}' not met`)
    ];
    groups.add(`${h.id}|${reasons.join("|")}`, recordId, () => ({ handoffId: h.id, label: h.label, reasons }), (n) => `${n} ${n === 1 ? "handoff" : "handoffs"} (${h.label}) can no longer be submitted: ${reasons.join(", ")}`);
  }
}
function addEscalation(playbook, action, groups) {
  const key = `${action.slaId}|${action.level}`;
  groups.add(key, action.record.recordId, () => ({
    slaId: action.slaId,
    label: action.slaLabel,
    level: action.level,
    when: action.when,
    action: action.action,
    reach: { users: [], roles: [] }
  }), (n) => `${n} ${n === 1 ? "escalation" : "escalations"} on the next scan: level ${action.level} of ${action.slaLabel} (${action.when === "at_risk" ? "at risk" : "breached"})`);
  const wave = groups.peek(key);
  if (!wave)
    return;
  const to = action.to;
  if (to === "owner")
    addOnce(wave.reach.users, action.record.ownerId ?? "the owner (none set)");
  else if ("user" in to)
    addOnce(wave.reach.users, to.user);
  else
    addOnce(wave.reach.roles, `every ${playbook.roles[to.role]?.label ?? to.role}`);
}
function addOnce(list2, value2) {
  if (!list2.includes(value2))
    list2.push(value2);
}

// salesforce-package/scripts/handoff-core/preview.ts
var BADGE = {
  danger: "slds-badge slds-theme_error",
  warning: "slds-badge slds-theme_warning",
  info: "slds-badge slds-theme_info"
};
function previewModel(old, next, records2, now) {
  const headers = /* @__PURE__ */ new Map();
  for (const header of records2.handoffs) {
    const id = text(header, "Opportunity__c");
    if (id) (headers.get(id) ?? headers.set(id, []).get(id))?.push(header);
  }
  const names = new Map(records2.opportunities.map((o) => [o.id, text(o, "Name") ?? o.id]));
  const snapshots = records2.opportunities.map(
    (opportunity) => buildSnapshot(old, {
      opportunity,
      handoffs: headers.get(opportunity.id) ?? [],
      items: records2.items
    })
  );
  const preview = previewPlaybookChange({ old, new: next, records: snapshots, now });
  const named = (ids) => `Opportunities: ${ids.map((id) => names.get(id) ?? id).join(", ")}`;
  const line = (key, tone, tag, group) => ({
    key,
    tag,
    badgeClass: BADGE[tone],
    text: group.text,
    recordsText: named(group.recordIds)
  });
  const lines = [
    ...preview.timers.map(
      (g, n) => line(`t${n}`, g.to === "breached" ? "danger" : "warning", "Timer", g)
    ),
    ...preview.submissions.map((g, n) => line(`s${n}`, "danger", "Handoff", g)),
    ...preview.criteria.map((g, n) => line(`c${n}`, "info", "Criterion", g)),
    ...preview.escalations.map(
      (w, n) => line(`e${n}`, "warning", "Escalation", {
        text: `${w.text}, reaching ${[...w.reach.roles, ...w.reach.users].join(", ")}`,
        recordIds: w.recordIds
      })
    )
  ];
  const count = preview.changes.length;
  return {
    preview,
    changesTitle: count === 0 ? "No change from the saved playbook." : `${count} ${count === 1 ? "change" : "changes"} from the saved playbook`,
    changes: preview.changes.map((c, n) => ({ key: `d${n}`, text: c.text })),
    recordsTitle: `On ${preview.records} ${preview.records === 1 ? "opportunity" : "opportunities"} now`,
    lines,
    noChange: lines.length === 0,
    needsConfirmation: preview.needsConfirmation,
    confirmText: `Saving raises ${preview.escalationCount} escalations at once; this playbook allows ${preview.escalationLimit} without confirmation.`,
    escalationText: `${preview.escalationCount} escalations on the next scan (confirmation needed above ${preview.escalationLimit}).`
  };
}

// salesforce-package/scripts/handoff-core/entry.ts
function readPlaybook(text2) {
  if (text2 === null || text2 === void 0 || text2.trim() === "") {
    return { ok: false, issues: [{ path: "", message: "is empty." }] };
  }
  let data;
  try {
    data = JSON.parse(text2);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          ...jsonSyntaxIssue(text2, e),
          hint: "Handoff stores the playbook as JSON; convert YAML before pasting it."
        }
      ]
    };
  }
  const parsed = parsePlaybook(data);
  return parsed.ok ? { ok: true, playbook: parsed.playbook } : { ok: false, issues: locateIssues(parsed.issues, jsonPositions(text2)) };
}
function viewerFrom(userId, handoffRoles, playbook) {
  const listed = typeof handoffRoles === "string" ? handoffRoles.split(";") : [];
  const roles = [...new Set(listed.map((r) => r.trim()))].filter(
    (r) => Object.prototype.hasOwnProperty.call(playbook.roles, r)
  );
  return { userId, roles };
}
export {
  ACCOUNT_OPPORTUNITY_FIELDS,
  HANDOFF,
  ITEM,
  OPEN_STATUSES,
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  PLAYBOOK,
  STAGE_HISTORY_FIELDS,
  STAGE_HISTORY_LIST,
  STAGE_HISTORY_SORT,
  accountModel,
  buildSnapshot,
  editPlaybookJson,
  errorSentences,
  evaluateRecord,
  formatPath,
  formatTime,
  graphNodes,
  itemsByHandoff,
  missingHandoffs,
  missingItems,
  namespaceOf,
  opportunityFields,
  opportunityIdPages,
  orgNames,
  panelModel,
  peopleOf,
  planAction,
  planQueueAction,
  playbookFingerprint,
  playbookLabel,
  previewModel,
  queueModel,
  readPlaybook,
  recordKey,
  stageLabels,
  stageOf,
  viewerFrom
};
