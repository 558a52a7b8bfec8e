import { Alert, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-client.ts';
import { getDrugLibrary, pharmacologyKeys } from '../../pharmacology/pharmacology.api.ts';
import { receivableProducts } from '../receipt-products.ts';
import { type FieldsProps, PartyFields } from './field-widgets.tsx';

/** Receipt (and the fields a receipt shares): product from the clinic's approved drug library, lot, quantity, supplier. */
export function ReceiptFields({ withSupplier = true, ...props }: FieldsProps & { withSupplier?: boolean }) {
  const { draft, set, errors, stock } = props;
  const library = useQuery({ queryKey: pharmacologyKeys.library, queryFn: getDrugLibrary });
  const products = library.data ? receivableProducts(library.data.current.library) : [];
  const product = products.find((p) => p.id === draft.productId);
  const choose = (productId: string) => {
    set('productId', productId);
    const next = products.find((p) => p.id === productId);
    if (next?.defaultVolumeMl) set('containerVolumeMl', String(next.defaultVolumeMl));
    set('concentrationMgPerMl', '');
  };
  return (
    <Stack>
      {library.isError && <Alert color="red">The drug library could not be loaded: {describeError(library.error)}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Product"
          required
          data={products.map((p) => ({ value: p.id, label: p.name }))}
          value={draft.productId || null}
          onChange={(value) => choose(value ?? '')}
          error={errors.productId}
          placeholder={library.isPending ? 'Loading the drug library…' : 'Choose'}
          comboboxProps={{ width: 'target' }}
        />
        <Select
          label="Storage location"
          required
          data={stock.registration.locations.map((l) => ({ value: l.id, label: l.name }))}
          value={draft.locationId || null}
          onChange={(value) => set('locationId', value ?? '')}
          error={errors.locationId}
          nothingFoundMessage="An administrator adds a storage location first"
        />
        <TextInput
          label="Lot number"
          required
          value={draft.lotNumber}
          onChange={(e) => set('lotNumber', e.currentTarget.value)}
          error={errors.lotNumber}
        />
        <TextInput
          label="Lot expiry"
          type="date"
          required
          value={draft.expiresOn}
          onChange={(e) => set('expiresOn', e.currentTarget.value)}
          error={errors.expiresOn}
        />
        <TextInput
          label="Containers received"
          required
          inputMode="numeric"
          value={draft.containers}
          onChange={(e) => set('containers', e.currentTarget.value)}
          error={errors.containers}
        />
        <TextInput
          label="Container volume (mL)"
          required
          inputMode="decimal"
          value={draft.containerVolumeMl}
          onChange={(e) => set('containerVolumeMl', e.currentTarget.value)}
          error={errors.containerVolumeMl}
        />
        {product && product.concentrationMgPerMl === undefined && (
          <TextInput
            label="Concentration (mg/mL)"
            required
            inputMode="decimal"
            value={draft.concentrationMgPerMl}
            onChange={(e) => set('concentrationMgPerMl', e.currentTarget.value)}
            error={errors.concentrationMgPerMl}
          />
        )}
      </SimpleGrid>
      {product?.concentrationMgPerMl !== undefined && (
        <Text size="sm" c="dimmed">
          {product.concentrationMgPerMl} mg/mL from the drug library.
        </Text>
      )}
      {withSupplier ? <SupplierFields {...props} /> : null}
    </Stack>
  );
}

function SupplierFields(props: FieldsProps) {
  const { draft, set, errors } = props;
  return (
    <Stack>
      <PartyFields who="supplier" {...props} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Invoice number"
          required
          value={draft.invoiceNumber}
          onChange={(e) => set('invoiceNumber', e.currentTarget.value)}
          error={errors.invoiceNumber}
        />
        <TextInput
          label="Date received"
          type="date"
          required
          value={draft.receivedOn}
          onChange={(e) => set('receivedOn', e.currentTarget.value)}
          error={errors.receivedOn}
        />
      </SimpleGrid>
    </Stack>
  );
}
