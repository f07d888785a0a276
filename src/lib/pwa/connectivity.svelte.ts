/** Online or offline, for the small indicator in the layout. Offline is normal for Kartka: nothing stops. */
export const connectivity = $state({ online: true });

export function watchConnectivity(): () => void {
	const update = () => (connectivity.online = navigator.onLine);
	update();
	window.addEventListener('online', update);
	window.addEventListener('offline', update);
	return () => {
		window.removeEventListener('online', update);
		window.removeEventListener('offline', update);
	};
}
