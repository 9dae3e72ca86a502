// "Open in a maps app" links for a profile. Plain links: nothing is sent to any map service
// until the patient chooses one (the page itself loads nothing from them). Their formats come
// from the services' own documented link syntax: Google's Maps URLs search action
// (`/maps/search/?api=1&query=`) and OpenStreetMap's marker parameters (`mlat`, `mlon`).
export type MapLink = { label: string; href: string };

export function mapAppLinks(l: { addressLine: string | null; city: string; state: string; zip: string; latitude: number; longitude: number }): MapLink[] {
  const address = [l.addressLine, `${l.city}, ${l.state} ${l.zip}`].filter(Boolean).join(", ");
  const lat = l.latitude.toFixed(5);
  const lng = l.longitude.toFixed(5);
  return [
    { label: "Google Maps", href: `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(address)}` },
    {
      // A marker, not a search: at the listing's position, the centre of its ZIP code.
      label: "OpenStreetMap (the ZIP code's centre)",
      href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=14/${lat}/${lng}`,
    },
  ];
}
