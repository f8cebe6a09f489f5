import { ValidationError } from '@app/domain';
import { COMPONENT_KINDS, isComponentKind, isContextKind } from './component-kind';
import {
  componentNameProblems,
  COMPONENT_NAME_LIMITS,
  isModuleName,
  moduleNameOf,
  validateComponentName,
} from './component-name';

describe('component kinds', () => {
  it('knows the eight kinds and which are contexts', () => {
    expect(COMPONENT_KINDS).toHaveLength(8);
    expect(COMPONENT_KINDS.filter(isContextKind)).toEqual(['context', 'coordination_context']);
    expect(isComponentKind('schema')).toBe(true);
    expect(isComponentKind('Schema')).toBe(false);
  });
});

describe('isModuleName', () => {
  it.each(['Shop', 'Shop.Checkout', 'Shop.Checkout.PaymentService', 'V2.Api', 'A'])('accepts %j', (name) => {
    expect(isModuleName(name)).toBe(true);
  });

  it.each([
    '',
    'shop',
    'Shop.',
    '.Shop',
    'Shop..Cart',
    'Shop.checkout',
    'Shop.Pay_Service',
    'Shop Cart',
    '2Fa',
  ])('rejects %j', (name) => {
    expect(isModuleName(name)).toBe(false);
  });
});

describe('componentNameProblems', () => {
  it('accepts 1 to 120 characters', () => {
    expect(componentNameProblems('x', 'other')).toEqual([]);
    expect(componentNameProblems('x'.repeat(COMPONENT_NAME_LIMITS.maxLength), 'ui')).toEqual([]);
  });

  it('rejects an empty or too long name', () => {
    expect(componentNameProblems('', 'context')).toEqual([{ field: 'name', message: 'must not be empty' }]);
    expect(componentNameProblems('x'.repeat(121), 'context')).toEqual([
      { field: 'name', message: 'must be at most 120 characters' },
    ]);
  });

  it('requires dotted PascalCase for modules only', () => {
    expect(componentNameProblems('Shop.Checkout.PaymentService', 'module')).toEqual([]);
    expect(componentNameProblems('payment service', 'module')).toEqual([
      { field: 'name', message: expect.stringContaining('dotted PascalCase') },
    ]);
    expect(componentNameProblems('payment service', 'schema')).toEqual([]);
  });

  it('names the field it is given', () => {
    expect(componentNameProblems('', 'ui', 'input.name')[0].field).toBe('input.name');
  });
});

describe('validateComponentName', () => {
  it('returns the trimmed name', () => {
    expect(validateComponentName('  Checkout ', 'context')).toBe('Checkout');
    expect(validateComponentName(' Shop.Cart ', 'module')).toBe('Shop.Cart');
  });

  it.each([
    ['   ', 'context'],
    ['x'.repeat(121), 'ui'],
    ['shop.cart', 'module'],
    ['Shop.Cart-Service', 'module'],
  ] as const)('throws a ValidationError on field name for %j (%s)', (name, kind) => {
    let error: unknown;
    try {
      validateComponentName(name, kind);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('BAD_USER_INPUT');
    expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['name']);
  });
});

describe('moduleNameOf', () => {
  it('keeps a module name', () => {
    expect(moduleNameOf('Shop.Checkout.PaymentService')).toBe('Shop.Checkout.PaymentService');
    expect(moduleNameOf('  Checkout ')).toBe('Checkout');
  });

  it('turns other names into PascalCase segments', () => {
    expect(moduleNameOf('payment service')).toBe('PaymentService');
    expect(moduleNameOf('order-history view')).toBe('OrderHistoryView');
    expect(moduleNameOf('shop.checkout')).toBe('Shop.Checkout');
    expect(moduleNameOf('2fa codes')).toBe('M2faCodes');
    expect(moduleNameOf('HTTP client')).toBe('HTTPClient');
    expect(isModuleName(moduleNameOf('a..b / c') as string)).toBe(true);
  });

  it('prefixes the parent module name once', () => {
    expect(moduleNameOf('Checkout', 'Shop')).toBe('Shop.Checkout');
    expect(moduleNameOf('payment service', 'Shop.Checkout')).toBe('Shop.Checkout.PaymentService');
    expect(moduleNameOf('Shop.Checkout', 'Shop')).toBe('Shop.Checkout');
    expect(moduleNameOf('Shop', 'Shop')).toBe('Shop');
    expect(moduleNameOf('Checkout', null)).toBe('Checkout');
    expect(moduleNameOf('Checkout', ' ')).toBe('Checkout');
  });

  it('is null when nothing usable is left', () => {
    expect(moduleNameOf('  ')).toBeNull();
    expect(moduleNameOf('— · —')).toBeNull();
  });
});
