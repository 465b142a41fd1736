<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>DiagnosisCatalogue</name>
    <message>
        <source>The password of {identity} has expired: the server asked for a new one ({method} error {error}).</source>
        <translation>Le mot de passe de {identity} a expiré : le serveur en demande un nouveau ({method}, erreur {error}).</translation>
    </message>
    <message>
        <source>Have the user change the password (on a domain-joined computer or the self-service portal), then connect again.</source>
        <translation>Faites changer le mot de passe par l&apos;utilisateur (sur un ordinateur du domaine ou sur le portail libre-service), puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The server refused the credentials of {identity} ({method}): wrong password, unknown user or locked account.</source>
        <translation>Le serveur a refusé les identifiants de {identity} ({method}) : mot de passe erroné, utilisateur inconnu ou compte verrouillé.</translation>
    </message>
    <message>
        <source>Check the user name and password (or token code) configured on the device, then check the account on the server side: disabled, locked, or password changed.</source>
        <translation>Vérifiez le nom d&apos;utilisateur et le mot de passe (ou le code du jeton) configurés sur l&apos;appareil, puis le compte côté serveur : désactivé, verrouillé ou mot de passe changé.</translation>
    </message>
    <message>
        <source>The {sender_name}&apos;s certificate &quot;{subject}&quot; expired on {not_after}, before this capture was taken ({capture_time}).</source>
        <translation>Le certificat du {sender_name} « {subject} » a expiré le {not_after}, avant la prise de cette capture ({capture_time}).</translation>
    </message>
    <message>
        <source>Renew the {sender_name}&apos;s certificate and install it with its chain; if it looks valid, check the clock of the device that took the capture.</source>
        <translation>Renouvelez le certificat du {sender_name} et installez-le avec sa chaîne ; s&apos;il semble valide, vérifiez l&apos;horloge de la machine qui a pris la capture.</translation>
    </message>
    <message>
        <source>The {sender_name}&apos;s certificate &quot;{subject}&quot; is valid only from {not_before}, after this capture was taken ({capture_time}).</source>
        <translation>Le certificat du {sender_name} « {subject} » n&apos;est valide qu&apos;à partir du {not_before}, après la prise de cette capture ({capture_time}).</translation>
    </message>
    <message>
        <source>Check the clocks of the device and the server; if they are right, the certificate was issued with a future start date and must be reissued.</source>
        <translation>Vérifiez les horloges de l&apos;appareil et du serveur ; si elles sont justes, le certificat a été émis avec une date de début future et doit être réémis.</translation>
    </message>
    <message>
        <source>The device ended the TLS handshake with a {level} alert &quot;{description}&quot; after {stage}: it refused what the server sent.</source>
        <translation>L&apos;appareil a mis fin à la négociation TLS par une alerte {level} « {description} » après {stage} : il a refusé ce que le serveur a envoyé.</translation>
    </message>
    <message>
        <source>The device most often refuses the server&apos;s certificate (unknown CA, wrong server name, expired): compare the server certificate with the CA certificate and server name configured on the device.</source>
        <translation>L&apos;appareil refuse le plus souvent le certificat du serveur (autorité inconnue, nom de serveur erroné, expiré) : comparez le certificat du serveur avec le certificat d&apos;autorité et le nom de serveur configurés sur l&apos;appareil.</translation>
    </message>
    <message>
        <source>The server ended the TLS handshake with a {level} alert &quot;{description}&quot; after {stage}: it refused what the device sent.</source>
        <translation>Le serveur a mis fin à la négociation TLS par une alerte {level} « {description} » après {stage} : il a refusé ce que l&apos;appareil a envoyé.</translation>
    </message>
    <message>
        <source>The server most often refuses the device&apos;s certificate (unknown CA, revoked, expired) or its TLS version or cipher suites: read the server&apos;s log for this identity and check its TLS and certificate settings.</source>
        <translation>Le serveur refuse le plus souvent le certificat de l&apos;appareil (autorité inconnue, révoqué, expiré) ou sa version TLS ou ses suites de chiffrement : lisez le journal du serveur pour cette identité et vérifiez ses réglages TLS et de certificats.</translation>
    </message>
    <message>
        <source>The server ended the conversation inside the TLS handshake, after {stage}, without sending a TLS alert.</source>
        <translation>Le serveur a mis fin à la conversation pendant la négociation TLS, après {stage}, sans envoyer d&apos;alerte TLS.</translation>
    </message>
    <message>
        <source>Usually the device and the server share no TLS version or cipher suite, or the server could not use the device&apos;s certificate: compare the versions and cipher suites the device offered with the server&apos;s TLS settings and read the server&apos;s log.</source>
        <translation>En général, l&apos;appareil et le serveur n&apos;ont aucune version TLS ni suite de chiffrement en commun, ou le serveur n&apos;a pas pu utiliser le certificat de l&apos;appareil : comparez les versions et suites proposées par l&apos;appareil avec les réglages TLS du serveur et lisez le journal du serveur.</translation>
    </message>
    <message>
        <source>The {method} tunnel was set up, then the authentication inside it failed for {identity}.</source>
        <translation>Le tunnel {method} a été établi, puis l&apos;authentification à l&apos;intérieur a échoué pour {identity}.</translation>
    </message>
    <message>
        <source>The server certificate was accepted; check the inner user name and password and that the device and the server use the same inner method.</source>
        <translation>Le certificat du serveur a été accepté ; vérifiez le nom d&apos;utilisateur et le mot de passe internes, et que l&apos;appareil et le serveur utilisent la même méthode interne.</translation>
    </message>
    <message>
        <source>The device refused {proposed} and asked for {desired}, which the server does not offer: there is no EAP method in common.</source>
        <translation>L&apos;appareil a refusé {proposed} et demandé {desired}, que le serveur ne propose pas : aucune méthode EAP en commun.</translation>
    </message>
    <message>
        <source>Configure the same EAP method on the device and the server (the device asked for {desired}).</source>
        <translation>Configurez la même méthode EAP sur l&apos;appareil et sur le serveur (l&apos;appareil a demandé {desired}).</translation>
    </message>
    <message>
        <source>The {receiver_name} did not answer the {sender_name}&apos;s message of frame {asked_frame}: it was sent {count} time(s) over {seconds} s.</source>
        <translation>Le {receiver_name} n&apos;a pas répondu au message du {sender_name} de la trame {asked_frame} : il a été envoyé {count} fois en {seconds} s.</translation>
    </message>
    <message>
        <source>Check that the {receiver_name} is reachable and running (network path, RADIUS shared secret, firewall, server log); a device that stops answering has often refused the server&apos;s certificate silently.</source>
        <translation>Vérifiez que le {receiver_name} est joignable et en marche (chemin réseau, secret partagé RADIUS, pare-feu, journal du serveur) ; un appareil qui cesse de répondre a souvent refusé sans le dire le certificat du serveur.</translation>
    </message>
    <message>
        <source>The {sender_name}&apos;s certificate &quot;{subject}&quot; is weak: {weakness}.</source>
        <translation>Le certificat du {sender_name} « {subject} » est faible : {weakness}.</translation>
    </message>
    <message>
        <source>Reissue the certificate with a SHA-256 (or stronger) signature and an RSA key of at least 2048 bits or an EC key: current devices refuse weak certificates.</source>
        <translation>Réémettez le certificat avec une signature SHA-256 (ou plus forte) et une clé RSA d&apos;au moins 2048 bits ou une clé EC : les appareils actuels refusent les certificats faibles.</translation>
    </message>
    <message>
        <source>The {receiver_name} took {seconds} s to answer the message of frame {asked_frame} (more than {threshold} s).</source>
        <translation>Le {receiver_name} a mis {seconds} s à répondre au message de la trame {asked_frame} (plus de {threshold} s).</translation>
    </message>
    <message>
        <source>Look for a slow back end (directory server, certificate revocation checks) or a congested link; devices and switches give up after a few such delays.</source>
        <translation>Cherchez un service dorsal lent (annuaire, vérification de révocation des certificats) ou un lien saturé ; appareils et commutateurs abandonnent après quelques délais de ce genre.</translation>
    </message>
    <message>
        <source>The {sender_name} sent a notification: {message}.</source>
        <translation>Le {sender_name} a envoyé une notification : {message}.</translation>
    </message>
    <message>
        <source>Read the notification: it is the server&apos;s own explanation and often names the problem.</source>
        <translation>Lisez la notification : c&apos;est l&apos;explication du serveur lui-même, et elle nomme souvent le problème.</translation>
    </message>
    <message>
        <source>The device refused {proposed} and asked for {desired}; the conversation went on with {negotiated}.</source>
        <translation>L&apos;appareil a refusé {proposed} et demandé {desired} ; la conversation a continué avec {negotiated}.</translation>
    </message>
    <message>
        <source>Nothing to fix; configure {negotiated} as the server&apos;s default method to save a round trip.</source>
        <translation>Rien à corriger ; configurez {negotiated} comme méthode par défaut du serveur pour économiser un aller-retour.</translation>
    </message>
    <message>
        <source>The TLS session was resumed (abbreviated handshake): no certificates were exchanged.</source>
        <translation>La session TLS a été reprise (négociation abrégée) : aucun certificat n&apos;a été échangé.</translation>
    </message>
    <message>
        <source>Nothing to fix; to see the certificates, capture a full authentication (after the device forgets its session or the server&apos;s cache expires).</source>
        <translation>Rien à corriger ; pour voir les certificats, capturez une authentification complète (après que l&apos;appareil a oublié sa session ou que le cache du serveur a expiré).</translation>
    </message>
    <message>
        <source>server</source>
        <translation>serveur</translation>
    </message>
    <message>
        <source>device</source>
        <translation>poste client</translation>
    </message>
</context>
<context>
    <name>EapAnomalyCatalogue</name>
    <message>
        <source>fewer than 4 bytes: no complete EAP header</source>
        <translation>moins de 4 octets : pas d’en-tête EAP complet</translation>
    </message>
    <message>
        <source>Length field smaller than the header it covers</source>
        <translation>champ Length plus petit que l’en-tête qu’il couvre</translation>
    </message>
    <message>
        <source>packet shorter than its Length field (bytes not captured)</source>
        <translation>paquet plus court que son champ Length (octets non capturés)</translation>
    </message>
    <message>
        <source>bytes after the Length field (padding), not decoded</source>
        <translation>octets au-delà du champ Length (bourrage), non décodés</translation>
    </message>
    <message>
        <source>Code is not Request, Response, Success, Failure, Initiate or Finish</source>
        <translation>le Code n’est ni Request, Response, Success, Failure, Initiate ni Finish</translation>
    </message>
    <message>
        <source>Request or Response without a Type field</source>
        <translation>Request ou Response sans champ Type</translation>
    </message>
    <message>
        <source>Success or Failure with Length other than 4 (RFC 3748 §4.2)</source>
        <translation>Success ou Failure avec une Length différente de 4 (RFC 3748 §4.2)</translation>
    </message>
    <message>
        <source>Type not known to the decoder: data shown as bytes</source>
        <translation>Type inconnu du décodeur : données affichées en octets</translation>
    </message>
    <message>
        <source>Type 0 is reserved (RFC 3748 §5)</source>
        <translation>le Type 0 est réservé (RFC 3748 §5)</translation>
    </message>
    <message>
        <source>a field extends beyond the packet: decoded up to the end</source>
        <translation>un champ dépasse la fin du paquet : décodé jusqu’à la fin</translation>
    </message>
    <message>
        <source>Nak is only valid in a Response (RFC 3748 §5.3)</source>
        <translation>un Nak n’est valable que dans une Response (RFC 3748 §5.3)</translation>
    </message>
    <message>
        <source>Nak without any desired type</source>
        <translation>Nak sans aucun type souhaité</translation>
    </message>
    <message>
        <source>MD5-Challenge Value-Size is not 16 in a Response (RFC 3748 §5.4)</source>
        <translation>la Value-Size du MD5-Challenge n’est pas 16 dans une Response (RFC 3748 §5.4)</translation>
    </message>
    <message>
        <source>a Value-Size field points beyond the packet</source>
        <translation>un champ Value-Size pointe au-delà du paquet</translation>
    </message>
    <message>
        <source>TLS Message Length present on a fragment other than the first</source>
        <translation>TLS Message Length présent sur un fragment autre que le premier</translation>
    </message>
    <message>
        <source>first fragment has M without L (RFC 5216 §3.1 says L should be set)</source>
        <translation>le premier fragment a M sans L (RFC 5216 §3.1 demande L)</translation>
    </message>
    <message>
        <source>TLS record continues in the next fragment</source>
        <translation>l’enregistrement TLS continue dans le fragment suivant</translation>
    </message>
    <message>
        <source>TLS message fragments missing: reassembly abandoned</source>
        <translation>fragments du message TLS manquants : réassemblage abandonné</translation>
    </message>
    <message>
        <source>fragments carry more bytes than the TLS Message Length</source>
        <translation>les fragments portent plus d’octets que le TLS Message Length</translation>
    </message>
    <message>
        <source>SIM/AKA attribute Length is 0 or beyond the packet (RFC 4186 §8.1)</source>
        <translation>la Length d’un attribut SIM/AKA vaut 0 ou dépasse le paquet (RFC 4186 §8.1)</translation>
    </message>
    <message>
        <source>MS-Length disagrees with the EAP Length</source>
        <translation>MS-Length ne correspond pas à la Length EAP</translation>
    </message>
    <message>
        <source>Expanded Nak entry is not 8 bytes (RFC 3748 §5.3.2)</source>
        <translation>une entrée de Nak étendu ne fait pas 8 octets (RFC 3748 §5.3.2)</translation>
    </message>
    <message>
        <source>EAPOL body length disagrees with the frame</source>
        <translation>la longueur du corps EAPOL ne correspond pas à la trame</translation>
    </message>
    <message>
        <source>EAPOL EAP-Packet with a body too short for an EAP header</source>
        <translation>EAP-Packet EAPOL au corps trop court pour un en-tête EAP</translation>
    </message>
    <message>
        <source>RADIUS attribute list is malformed; EAP-Message attributes after it are lost</source>
        <translation>liste d’attributs RADIUS mal formée ; les attributs EAP-Message qui suivent sont perdus</translation>
    </message>
    <message>
        <source>EAP packet split over several EAP-Message attributes (RFC 3579 §3.1)</source>
        <translation>paquet EAP réparti sur plusieurs attributs EAP-Message (RFC 3579 §3.1)</translation>
    </message>
    <message>
        <source>RADIUS on a port not registered for it: recognised because it parses as RADIUS with EAP-Message</source>
        <translation>RADIUS sur un port qui ne lui est pas attribué : reconnu car il se décode en RADIUS avec EAP-Message</translation>
    </message>
    <message>
        <source>PANA AVP list is malformed</source>
        <translation>liste d’AVP PANA mal formée</translation>
    </message>
    <message>
        <source>IP fragments never completed: the datagram is lost</source>
        <translation>fragments IP jamais complétés : le datagramme est perdu</translation>
    </message>
    <message>
        <source>frame captured shorter than on the wire (snaplen)</source>
        <translation>trame capturée plus courte que sur le fil (snaplen)</translation>
    </message>
    <message>
        <source>802.11 Retry bit set: retransmitted frame</source>
        <translation>bit Retry 802.11 mis : trame retransmise</translation>
    </message>
    <message>
        <source>capture file cut short in the middle of a packet</source>
        <translation>fichier de capture coupé au milieu d’un paquet</translation>
    </message>
    <message>
        <source>link type not carrying EAP for EapScope: frames skipped</source>
        <translation>type de lien sans EAP pour EapScope : trames ignorées</translation>
    </message>
    <message>
        <source>Request without a Response in the capture</source>
        <translation>Request sans Response dans la capture</translation>
    </message>
    <message>
        <source>Response Identifier does not echo the pending Request</source>
        <translation>l’Identifier de la Response ne reprend pas celui de la Request en attente</translation>
    </message>
    <message>
        <source>packet repeats the previous one (retransmission)</source>
        <translation>le paquet répète le précédent (retransmission)</translation>
    </message>
    <message>
        <source>conversation ends without Success or Failure</source>
        <translation>la conversation se termine sans Success ni Failure</translation>
    </message>
    <message>
        <source>Request sent by the peer side (e.g. LEAP AP challenge)</source>
        <translation>Request envoyée par le côté pair (p. ex. défi AP de LEAP)</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>the method instance</source>
        <translation>l’instance de la méthode</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>contexte %1</translation>
    </message>
    <message>
        <source>code outside any call</source>
        <translation>du code hors de tout appel</translation>
    </message>
    <message>
        <source>%1 of %2 freed the %3-byte block at %4 that %5 allocated, after that context had ended</source>
        <translation>%1 (%2) a libéré le bloc de %3 octets à %4 alloué par %5, après la fin de ce contexte</translation>
    </message>
    <message>
        <source>%1 of %2 freed the %3-byte block at %4 that %5 allocated</source>
        <translation>%1 (%2) a libéré le bloc de %3 octets à %4 alloué par %5</translation>
    </message>
    <message>
        <source>wrote into the %1-byte block at %2 after %3 had freed it (found by %4)</source>
        <translation>a écrit dans le bloc de %1 octets à %2 après sa libération par %3 (vu par %4)</translation>
    </message>
    <message>
        <source>%1 of %2 freed the block at %3 a second time</source>
        <translation>%1 (%2) a libéré une seconde fois le bloc à %3</translation>
    </message>
    <message>
        <source>%1 of %2 freed %3, which the allocator never returned</source>
        <translation>%1 (%2) a libéré %3, que l’allocateur n’a jamais renvoyé</translation>
    </message>
    <message>
        <source>the %1-byte work buffer of %2 at %3 was still allocated after RasEapEnd returned</source>
        <translation>le tampon de travail de %1 octets du %2 à %3 était encore alloué après le retour de RasEapEnd</translation>
    </message>
    <message>
        <source>%1 bytes in %2 block allocated by %3&apos;s calls still live after RasEapEnd returned</source>
        <translation>%1 octets en %2 bloc alloués par les appels du %3, encore vivants après le retour de RasEapEnd</translation>
    </message>
    <message>
        <source>%1 bytes in %2 blocks allocated by %3&apos;s calls still live after RasEapEnd returned</source>
        <translation>%1 octets en %2 blocs alloués par les appels du %3, encore vivants après le retour de RasEapEnd</translation>
    </message>
    <message>
        <source>%1 bytes in %2 block allocated by RasEapInitialize(TRUE) still live after RasEapInitialize(FALSE) returned</source>
        <translation>%1 octets en %2 bloc alloués par RasEapInitialize(TRUE), encore vivants après le retour de RasEapInitialize(FALSE)</translation>
    </message>
    <message>
        <source>%1 bytes in %2 blocks allocated by RasEapInitialize(TRUE) still live after RasEapInitialize(FALSE) returned</source>
        <translation>%1 octets en %2 blocs alloués par RasEapInitialize(TRUE), encore vivants après le retour de RasEapInitialize(FALSE)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 did not return within the watchdog limit</source>
        <translation>%1 n’est pas revenu dans le délai du chien de garde</translation>
    </message>
    <message>
        <source>%1 wrote past the %2-byte send buffer (guard page fault)</source>
        <translation>%1 a écrit au-delà du tampon d’envoi de %2 octets (faute sur la page de garde)</translation>
    </message>
    <message>
        <source>the method was killed by signal %1 in %2</source>
        <translation>la méthode a été tuée par le signal %1 dans %2</translation>
    </message>
    <message>
        <source>the method exited the process with status %1 in %2</source>
        <translation>la méthode a quitté le processus avec le statut %1 dans %2</translation>
    </message>
    <message>
        <source>the method crashed its host in %1</source>
        <translation>la méthode a planté son hôte dans %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 wrote into host-owned input</source>
        <translation>%1 a écrit dans une entrée appartenant à l’hôte</translation>
    </message>
    <message>
        <source>%1 wrote past the host&apos;s PPP_EAP_OUTPUT</source>
        <translation>%1 a écrit au-delà du PPP_EAP_OUTPUT de l’hôte</translation>
    </message>
    <message>
        <source>%1 wrote past the %2-byte send buffer</source>
        <translation>%1 a écrit au-delà du tampon d’envoi de %2 octets</translation>
    </message>
    <message>
        <source>%1 read Begin-only input after RasEapBegin returned</source>
        <translation>%1 a lu une entrée réservée à Begin après le retour de RasEapBegin</translation>
    </message>
    <message>
        <source>%1 took %2 ms (threshold %3 ms)</source>
        <translation>%1 a pris %2 ms (seuil %3 ms)</translation>
    </message>
    <message>
        <source>RasEapInitialize(TRUE) returned %1</source>
        <translation>RasEapInitialize(TRUE) a renvoyé %1</translation>
    </message>
    <message>
        <source>RasEapEnd returned %1</source>
        <translation>RasEapEnd a renvoyé %1</translation>
    </message>
    <message>
        <source>%1 returned %2, which ends the session</source>
        <translation>%1 a renvoyé %2, ce qui met fin à la session</translation>
    </message>
    <message>
        <source>%1 returned %2, which ends the session (not an error code RASEAP.md §2.6 recognises)</source>
        <translation>%1 a renvoyé %2, ce qui met fin à la session (pas un code d’erreur reconnu par RASEAP.md §2.6)</translation>
    </message>
    <message>
        <source>RasEapBegin returned NO_ERROR without writing *ppWorkBuffer</source>
        <translation>RasEapBegin a renvoyé NO_ERROR sans écrire *ppWorkBuffer</translation>
    </message>
    <message>
        <source>RasEapBegin returned work buffer %1, which another live context already holds</source>
        <translation>RasEapBegin a renvoyé le tampon de travail %1, déjà détenu par un autre contexte vivant</translation>
    </message>
    <message>
        <source>RasEapMakeMessage returned Action %1 (reserved for Windows&apos; own methods)</source>
        <translation>RasEapMakeMessage a renvoyé l’Action %1 (réservée aux méthodes propres de Windows)</translation>
    </message>
    <message>
        <source>RasEapMakeMessage returned Action %1 (out of range 0..6)</source>
        <translation>RasEapMakeMessage a renvoyé l’Action %1 (hors de l’intervalle 0..6)</translation>
    </message>
    <message>
        <source>a peer returned EAPACTION_Authenticate (authenticator only)</source>
        <translation>un pair a renvoyé EAPACTION_Authenticate (réservée à l’authentificateur)</translation>
    </message>
    <message>
        <source>an authenticator set fInvokeInteractiveUI (peer only)</source>
        <translation>un authentificateur a mis fInvokeInteractiveUI (réservé au pair)</translation>
    </message>
    <message>
        <source>an authenticator set fSaveConnectionData/fSaveUserData (peer only)</source>
        <translation>un authentificateur a mis fSaveConnectionData/fSaveUserData (réservés au pair)</translation>
    </message>
    <message>
        <source>pUserAttributes: %1</source>
        <translation>pUserAttributes : %1</translation>
    </message>
    <message>
        <source>EAPACTION_Authenticate with no attributes for the back end</source>
        <translation>EAPACTION_Authenticate sans attribut pour le serveur d’authentification</translation>
    </message>
    <message>
        <source>send packet Length %1 is outside 4..%2 (cbSendPacket); the packet cannot be sent</source>
        <translation>la Length %1 du paquet à envoyer est hors de 4..%2 (cbSendPacket) ; le paquet ne peut pas être envoyé</translation>
    </message>
    <message>
        <source>Success/Failure must have Length 4, not %1</source>
        <translation>Success/Failure doit avoir une Length de 4, pas %1</translation>
    </message>
    <message>
        <source>a Request/Response needs Length &gt;= 5 for its Type, not %1</source>
        <translation>une Request/Response doit avoir une Length &gt;= 5 pour son Type, pas %1</translation>
    </message>
    <message>
        <source>the authenticator sent Code %1</source>
        <translation>l’authentificateur a envoyé le Code %1</translation>
    </message>
    <message>
        <source>the peer sent Code %1</source>
        <translation>le pair a envoyé le Code %1</translation>
    </message>
    <message>
        <source>sent Type %1 but the method&apos;s type is %2</source>
        <translation>Type %1 envoyé alors que le type de la méthode est %2</translation>
    </message>
    <message>
        <source>the packet sent after the retransmission timeout differs from the one it repeats</source>
        <translation>le paquet envoyé après l’expiration du délai de retransmission diffère de celui qu’il répète</translation>
    </message>
    <message>
        <source>a new Request has Id %1, expected %2</source>
        <translation>une nouvelle Request a l’Id %1, %2 attendu</translation>
    </message>
    <message>
        <source>the first Request has Id %1, expected %2</source>
        <translation>la première Request a l’Id %1, %2 attendu</translation>
    </message>
    <message>
        <source>Success/Failure has Id %1, expected the last Response&apos;s Id %2</source>
        <translation>Success/Failure a l’Id %1, l’Id %2 de la dernière Response attendu</translation>
    </message>
    <message>
        <source>the Response has Id %1 but the Request it answers has Id %2</source>
        <translation>la Response a l’Id %1 mais la Request à laquelle elle répond a l’Id %2</translation>
    </message>
    <message>
        <source>the Response to a repeated Request differs from the first Response</source>
        <translation>la Response à une Request répétée diffère de la première Response</translation>
    </message>
    <message>
        <source>Success sent with dwAuthResultCode %1</source>
        <translation>Success envoyé avec dwAuthResultCode %1</translation>
    </message>
    <message>
        <source>Failure sent with dwAuthResultCode NO_ERROR</source>
        <translation>Failure envoyé avec dwAuthResultCode NO_ERROR</translation>
    </message>
    <message>
        <source>the supplicant started over</source>
        <translation>le supplicant a recommencé</translation>
    </message>
    <message>
        <source>the supplicant&apos;s NAS stopped talking</source>
        <translation>le NAS du supplicant s’est tu</translation>
    </message>
    <message>
        <source>the server stopped</source>
        <translation>le serveur s’est arrêté</translation>
    </message>
    <message>
        <source>RasEapBegin returned %1</source>
        <translation>RasEapBegin a renvoyé %1</translation>
    </message>
    <message>
        <source>RasEapMakeMessage returned %1, %2</source>
        <translation>RasEapMakeMessage a renvoyé %1, %2</translation>
    </message>
    <message>
        <source>RasEapMakeMessage returned %1</source>
        <translation>RasEapMakeMessage a renvoyé %1</translation>
    </message>
    <message>
        <source>%1 with dwAuthResultCode %2</source>
        <translation>%1 avec dwAuthResultCode %2</translation>
    </message>
    <message>
        <source>invalid Action %1: the engine cannot go on</source>
        <translation>Action %1 invalide : le moteur ne peut pas continuer</translation>
    </message>
    <message>
        <source>Success received; the method did not return Done</source>
        <translation>Success reçu ; la méthode n’a pas renvoyé Done</translation>
    </message>
    <message>
        <source>Failure received; the method did not return Done</source>
        <translation>Failure reçu ; la méthode n’a pas renvoyé Done</translation>
    </message>
    <message>
        <source>the method&apos;s host died in %1; it is not called again</source>
        <translation>l’hôte de la méthode est mort dans %1 ; elle n’est plus appelée</translation>
    </message>
    <message>
        <source>ended with its host: %1</source>
        <translation>terminé avec son hôte : %1</translation>
    </message>
    <message>
        <source>session finished</source>
        <translation>session terminée</translation>
    </message>
    <message>
        <source>loaded %1 (EAP type %2)</source>
        <translation>%1 chargée (type EAP %2)</translation>
    </message>
    <message>
        <source>could not load %1: %2</source>
        <translation>impossible de charger %1 : %2</translation>
    </message>
    <message>
        <source>RasEapInitialize(FALSE) returned %1</source>
        <translation>RasEapInitialize(FALSE) a renvoyé %1</translation>
    </message>
    <message>
        <source>no retransmission timer is armed</source>
        <translation>aucun délai de retransmission n’est armé</translation>
    </message>
    <message>
        <source>packets can be injected only into a running session with a manual counterpart</source>
        <translation>on ne peut injecter des paquets que dans une session en cours avec une contrepartie manuelle</translation>
    </message>
    <message>
        <source>no context is waiting for a packet</source>
        <translation>aucun contexte n’attend de paquet</translation>
    </message>
    <message>
        <source>NAS sent Request/Identity</source>
        <translation>le NAS a envoyé Request/Identity</translation>
    </message>
    <message>
        <source>the EAP packet does not fit in an Access-Request: %1</source>
        <translation>le paquet EAP ne tient pas dans un Access-Request : %1</translation>
    </message>
    <message>
        <source>sent %1 to %2</source>
        <translation>%1 envoyé à %2</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 ms: retransmission %3 of %4</source>
        <translation>pas de réponse de %1 en %2 ms : retransmission %3 sur %4</translation>
    </message>
    <message>
        <source>the RADIUS server %1 did not answer %2 transmissions of the Access-Request (%3 ms each): it is down, unreachable, or does not know this NAS&apos;s shared secret</source>
        <translation>le serveur RADIUS %1 n’a répondu à aucune des %2 transmissions de l’Access-Request (%3 ms chacune) : il est arrêté, injoignable, ou ne connaît pas le secret partagé de ce NAS</translation>
    </message>
    <message>
        <source>dropped an answer: %1</source>
        <translation>réponse écartée : %1</translation>
    </message>
    <message>
        <source>ignored RADIUS code %1</source>
        <translation>code RADIUS %1 ignoré</translation>
    </message>
    <message>
        <source>received %1 from %2</source>
        <translation>%1 reçu de %2</translation>
    </message>
    <message>
        <source>the peer&apos;s context ended before the RADIUS server decided</source>
        <translation>le contexte du pair s’est terminé avant la décision du serveur RADIUS</translation>
    </message>
    <message>
        <source>RADIUS conversation with %1 closed</source>
        <translation>conversation RADIUS avec %1 close</translation>
    </message>
    <message>
        <source>waiting for a supplicant</source>
        <translation>en attente d’un supplicant</translation>
    </message>
    <message>
        <source>waiting for the supplicants</source>
        <translation>en attente des supplicants</translation>
    </message>
    <message>
        <source>waiting for a packet or a timeout</source>
        <translation>en attente d’un paquet ou d’une expiration de délai</translation>
    </message>
    <message>
        <source>waiting for the retransmission timeout</source>
        <translation>en attente de l’expiration du délai de retransmission</translation>
    </message>
    <message>
        <source>retransmission timeout %1</source>
        <translation>expiration du délai de retransmission %1</translation>
    </message>
    <message>
        <source>no answer after %1 retransmissions: the link is lost</source>
        <translation>pas de réponse après %1 retransmissions : le lien est perdu</translation>
    </message>
    <message>
        <source>stalled: nothing more will arrive from the counterpart</source>
        <translation>bloqué : plus rien n’arrivera de la contrepartie</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>authentifié</translation>
    </message>
    <message>
        <source>not authenticated: %1</source>
        <translation>non authentifié : %1</translation>
    </message>
    <message>
        <source>context ended</source>
        <translation>contexte terminé</translation>
    </message>
    <message>
        <source>conversation from a NAS: Response/Identity next</source>
        <translation>conversation venue d’un NAS : Response/Identity ensuite</translation>
    </message>
    <message>
        <source>sent Request/Identity</source>
        <translation>Request/Identity envoyée</translation>
    </message>
    <message>
        <source>resent Request/Identity</source>
        <translation>Request/Identity renvoyée</translation>
    </message>
    <message>
        <source>received identity &apos;%1&apos;</source>
        <translation>identité « %1 » reçue</translation>
    </message>
    <message>
        <source>dropped a packet</source>
        <translation>paquet écarté</translation>
    </message>
    <message>
        <source>dropped a malformed packet</source>
        <translation>paquet mal formé écarté</translation>
    </message>
    <message>
        <source>the peer refused EAP type %1 (its Nak proposes type %2); no common method</source>
        <translation>le pair a refusé le type EAP %1 (son Nak propose le type %2) ; aucune méthode commune</translation>
    </message>
    <message>
        <source>dropped a repeated Response/Identity</source>
        <translation>Response/Identity répétée écartée</translation>
    </message>
    <message>
        <source>answered Request/Identity with &apos;%1&apos;</source>
        <translation>réponse à Request/Identity : « %1 »</translation>
    </message>
    <message>
        <source>answered Request/Notification</source>
        <translation>réponse à Request/Notification</translation>
    </message>
    <message>
        <source>first Request of type %1: RasEapBegin next</source>
        <translation>première Request de type %1 : RasEapBegin ensuite</translation>
    </message>
    <message>
        <source>Nak: type %1 is not the method&apos;s type %2</source>
        <translation>Nak : le type %1 n’est pas celui de la méthode, %2</translation>
    </message>
    <message>
        <source>the authenticator sent Success before the method started</source>
        <translation>l’authentificateur a envoyé Success avant le début de la méthode</translation>
    </message>
    <message>
        <source>the authenticator sent Failure before the method started</source>
        <translation>l’authentificateur a envoyé Failure avant le début de la méthode</translation>
    </message>
    <message>
        <source>back end: %1</source>
        <translation>serveur d’authentification : %1</translation>
    </message>
    <message>
        <source>counterpart sent %1</source>
        <translation>la contrepartie a envoyé %1</translation>
    </message>
    <message>
        <source>the method dropped the packet (ERROR_PPP_INVALID_PACKET); the session goes on</source>
        <translation>la méthode a rejeté le paquet (ERROR_PPP_INVALID_PACKET) ; la session continue</translation>
    </message>
    <message>
        <source>nothing sent: the packet&apos;s Length is not sendable</source>
        <translation>rien d&apos;envoyé : la longueur (Length) du paquet ne peut pas être envoyée</translation>
    </message>
    <message>
        <source>EAPACTION_Authenticate from a peer is ignored</source>
        <translation>EAPACTION_Authenticate venant d&apos;un pair est ignoré</translation>
    </message>
    <message>
        <source>load-authenticator</source>
        <translation>chargement de l&apos;authentificateur</translation>
    </message>
    <message>
        <source>load-peer</source>
        <translation>chargement du pair</translation>
    </message>
    <message>
        <source>init-authenticator</source>
        <translation>initialisation de l&apos;authentificateur</translation>
    </message>
    <message>
        <source>init-peer</source>
        <translation>initialisation du pair</translation>
    </message>
    <message>
        <source>conversations</source>
        <translation>conversations</translation>
    </message>
    <message>
        <source>uninit-authenticator</source>
        <translation>désinitialisation de l&apos;authentificateur</translation>
    </message>
    <message>
        <source>uninit-peer</source>
        <translation>désinitialisation du pair</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fini</translation>
    </message>
    <message>
        <source>not-started</source>
        <translation>pas commencé</translation>
    </message>
    <message>
        <source>await-identity</source>
        <translation>attente de l&apos;identité</translation>
    </message>
    <message>
        <source>begin-pending</source>
        <translation>RasEapBegin à venir</translation>
    </message>
    <message>
        <source>first-call</source>
        <translation>premier appel</translation>
    </message>
    <message>
        <source>exchanging</source>
        <translation>échange</translation>
    </message>
    <message>
        <source>back-end</source>
        <translation>serveur d&apos;authentification</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>clos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>success</source>
        <translation>succès</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>engine: %1</source>
        <translation>moteur : %1</translation>
    </message>
    <message>
        <source>load failed: %1</source>
        <translation>échec du chargement : %1</translation>
    </message>
    <message>
        <source>RADIUS server %1</source>
        <translation>serveur RADIUS %1</translation>
    </message>
    <message>
        <source>cannot build the Access-Request: %1</source>
        <translation>impossible de construire l&apos;Access-Request : %1</translation>
    </message>
    <message>
        <source>NAS dropped the answer: %1</source>
        <translation>le NAS a écarté la réponse : %1</translation>
    </message>
    <message>
        <source>Reply-Message: %1</source>
        <translation>Reply-Message : %1</translation>
    </message>
    <message>
        <source>Error-Cause %1 %2</source>
        <translation>Error-Cause %1 %2</translation>
    </message>
    <message>
        <source>NAS ignored a RADIUS packet of code %1 (not an answer to Access-Request)</source>
        <translation>le NAS a ignoré un paquet RADIUS de code %1 (pas une réponse à un Access-Request)</translation>
    </message>
    <message>
        <source>Access-Challenge without EAP-Message: nothing to give the peer</source>
        <translation>Access-Challenge sans EAP-Message : rien à transmettre au pair</translation>
    </message>
    <message>
        <source>Access-Accept: %1</source>
        <translation>Access-Accept : %1</translation>
    </message>
    <message>
        <source>the method exported MPPE keys; the Access-Accept carried none to compare</source>
        <translation>la méthode a exporté des clés MPPE ; l&apos;Access-Accept n&apos;en portait aucune à comparer</translation>
    </message>
    <message>
        <source>the RADIUS server sent MS-MPPE keys in its Access-Accept, but the method put no MPPE key attributes in its output</source>
        <translation>le serveur RADIUS a envoyé des clés MS-MPPE dans son Access-Accept, mais la méthode n&apos;a mis aucun attribut de clé MPPE dans sa sortie</translation>
    </message>
    <message>
        <source>the method&apos;s MPPE keys differ from the server&apos;s: its Send-Key is not the server&apos;s MS-MPPE-Recv-Key; its Recv-Key is not the server&apos;s MS-MPPE-Send-Key</source>
        <translation>les clés MPPE de la méthode diffèrent de celles du serveur : sa Send-Key n&apos;est pas la MS-MPPE-Recv-Key du serveur ; sa Recv-Key n&apos;est pas la MS-MPPE-Send-Key du serveur</translation>
    </message>
    <message>
        <source>the method&apos;s MPPE keys differ from the server&apos;s: its Send-Key is not the server&apos;s MS-MPPE-Recv-Key</source>
        <translation>les clés MPPE de la méthode diffèrent de celles du serveur : sa Send-Key n&apos;est pas la MS-MPPE-Recv-Key du serveur</translation>
    </message>
    <message>
        <source>the method&apos;s MPPE keys differ from the server&apos;s: its Recv-Key is not the server&apos;s MS-MPPE-Send-Key</source>
        <translation>les clés MPPE de la méthode diffèrent de celles du serveur : sa Recv-Key n&apos;est pas la MS-MPPE-Send-Key du serveur</translation>
    </message>
    <message>
        <source>MPPE keys OK: the method&apos;s keys equal the server&apos;s MS-MPPE keys</source>
        <translation>clés MPPE correctes : les clés de la méthode sont égales aux clés MS-MPPE du serveur</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>no RasEapEnd: RasEapBegin did not succeed</source>
        <translation>pas de RasEapEnd : RasEapBegin n&apos;a pas réussi</translation>
    </message>
    <message>
        <source>the NAS asked for the identity</source>
        <translation>le NAS a demandé l&apos;identité</translation>
    </message>
    <message>
        <source>identity &apos;%1&apos;</source>
        <translation>identité « %1 »</translation>
    </message>
    <message>
        <source>engine dropped a packet while waiting for Response/Identity</source>
        <translation>le moteur a écarté un paquet en attendant Response/Identity</translation>
    </message>
    <message>
        <source>engine dropped a malformed packet (Length outside the data)</source>
        <translation>le moteur a écarté un paquet mal formé (Length hors des données)</translation>
    </message>
    <message>
        <source>engine dropped a repeated Response/Identity</source>
        <translation>le moteur a écarté un Response/Identity répété</translation>
    </message>
    <message>
        <source>engine dropped a packet a peer does not expect</source>
        <translation>le moteur a écarté un paquet qu&apos;un pair n&apos;attend pas</translation>
    </message>
    <message>
        <source>back end answered</source>
        <translation>le serveur d&apos;authentification a répondu</translation>
    </message>
    <message>
        <source>fault injection: packet %1 lost</source>
        <translation>injection de fautes : paquet %1 perdu</translation>
    </message>
    <message>
        <source>packet arrived after the context finished; ignored</source>
        <translation>paquet arrivé après la fin du contexte ; ignoré</translation>
    </message>
    <message>
        <source>(put the DLLs it names beside it or on PATH)</source>
        <translation>(placez les DLL qu&apos;il nomme à côté d&apos;elle ou dans le PATH)</translation>
    </message>
    <message>
        <source>(install what it names, or add its folder to LD_LIBRARY_PATH)</source>
        <translation>(installez ce qu&apos;il nomme, ou ajoutez son dossier à LD_LIBRARY_PATH)</translation>
    </message>
    <message>
        <source>%1: not a loadable shared library: the system loader says %2 %3</source>
        <translation>%1 : pas une bibliothèque partagée chargeable : le chargeur du système dit %2 %3</translation>
    </message>
    <message>
        <source>%1: does not export RasEapGetInfo (RASEAP.md §4.2); export it with C linkage and default visibility (RASEAP_EXPORT)</source>
        <translation>%1 : n&apos;exporte pas RasEapGetInfo (RASEAP.md §4.2) ; exportez-la avec l&apos;édition de liens C et la visibilité par défaut (RASEAP_EXPORT)</translation>
    </message>
    <message>
        <source>%1: RasEapGetInfo answered no EAP type from 1 to 254</source>
        <translation>%1 : RasEapGetInfo n&apos;a répondu pour aucun type EAP de 1 à 254</translation>
    </message>
    <message>
        <source>RasEapGetInfo wrote past the %1-byte PPP_EAP_INFO (RASEAP.md §1.5, §3.7 item 5)</source>
        <translation>RasEapGetInfo a écrit au-delà des %1 octets de PPP_EAP_INFO (RASEAP.md §1.5, §3.7 point 5)</translation>
    </message>
    <message>
        <source>%1: RasEapGetInfo(%2) returned error %3</source>
        <translation>%1 : RasEapGetInfo(%2) a renvoyé l&apos;erreur %3</translation>
    </message>
    <message>
        <source>%1: asked for EAP type %2, RasEapGetInfo filled dwEapTypeId %3</source>
        <translation>%1 : type EAP %2 demandé, RasEapGetInfo a rempli dwEapTypeId avec %3</translation>
    </message>
    <message>
        <source>%1: RasEapGetInfo(%2) left RasEapMakeMessage NULL; it is required (RASEAP.md §1.5)</source>
        <translation>%1 : RasEapGetInfo(%2) a laissé RasEapMakeMessage à NULL ; il est obligatoire (RASEAP.md §1.5)</translation>
    </message>
    <message>
        <source>eap (beyond the captured packet)</source>
        <translation>eap (au-delà du paquet capturé)</translation>
    </message>
    <message>
        <source>every byte</source>
        <translation>chaque octet</translation>
    </message>
    <message>
        <source>Code, Identifier, Type, Flags (TLS records are random)</source>
        <translation>Code, Identifier, Type, Flags (les enregistrements TLS sont aléatoires)</translation>
    </message>
    <message>
        <source>Code, Identifier, Type, Value-Size (the challenge is random; Name optional)</source>
        <translation>Code, Identifier, Type, Value-Size (le défi est aléatoire ; Name facultatif)</translation>
    </message>
    <message>
        <source>Code, Identifier, Type, Value-Size, Value (Name is optional)</source>
        <translation>Code, Identifier, Type, Value-Size, Value (Name est facultatif)</translation>
    </message>
    <message>
        <source>OpCode, ids, lengths, Name; challenges, NT-Response and S= are random</source>
        <translation>OpCode, identifiants, longueurs, Name ; les défis, NT-Response et S= sont aléatoires</translation>
    </message>
    <message>
        <source>all but the challenge</source>
        <translation>tout sauf le défi</translation>
    </message>
    <message>
        <source>Subtype and attribute types/lengths (values are random)</source>
        <translation>Subtype et types/longueurs des attributs (les valeurs sont aléatoires)</translation>
    </message>
    <message>
        <source>header and first octet (payloads are random)</source>
        <translation>en-tête et premier octet (les charges utiles sont aléatoires)</translation>
    </message>
    <message>
        <source>header, Vendor-Id, Vendor-Type (vendor data carry nonces)</source>
        <translation>en-tête, Vendor-Id, Vendor-Type (les données du fournisseur portent des nonces)</translation>
    </message>
    <message>
        <source>frame %1: the method sent nothing where the capture has %2</source>
        <translation>trame %1 : la méthode n&apos;a rien envoyé là où la capture a %2</translation>
    </message>
    <message>
        <source>the method sent %1 beyond the end of the captured conversation</source>
        <translation>la méthode a envoyé %1 après la fin de la conversation capturée</translation>
    </message>
    <message>
        <source>bytes %1–%2 (%3)</source>
        <translation>octets %1–%2 (%3)</translation>
    </message>
    <message>
        <source>frame %1: the method sent %2, the capture has %3; %4 differ (compared: %5)</source>
        <translation>trame %1 : la méthode a envoyé %2, la capture a %3 ; %4 diffèrent (comparé : %5)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>no raatUserName in the request</source>
        <translation>pas de raatUserName dans la requête</translation>
    </message>
    <message>
        <source>unknown user &apos;%1&apos;</source>
        <translation>utilisateur « %1 » inconnu</translation>
    </message>
    <message>
        <source>PAP: wrong password for &apos;%1&apos;</source>
        <translation>PAP : mot de passe erroné pour « %1 »</translation>
    </message>
    <message>
        <source>PAP: &apos;%1&apos; accepted</source>
        <translation>PAP : « %1 » accepté</translation>
    </message>
    <message>
        <source>authorization only for &apos;%1&apos;</source>
        <translation>autorisation seule pour « %1 »</translation>
    </message>
    <message>
        <source>MD5-CHAP: raatMD5CHAPPassword must be 17 bytes (Id + 16-byte response), got %1</source>
        <translation>MD5-CHAP : raatMD5CHAPPassword doit faire 17 octets (Id + réponse de 16 octets), reçu %1</translation>
    </message>
    <message>
        <source>MD5-CHAP: no raatMD5CHAPChallenge</source>
        <translation>MD5-CHAP : pas de raatMD5CHAPChallenge</translation>
    </message>
    <message>
        <source>MD5-CHAP: wrong response for &apos;%1&apos;</source>
        <translation>MD5-CHAP : réponse erronée pour « %1 »</translation>
    </message>
    <message>
        <source>MD5-CHAP: &apos;%1&apos; accepted</source>
        <translation>MD5-CHAP : « %1 » accepté</translation>
    </message>
    <message>
        <source>MS-CHAPv2: MS-CHAP2-Response must carry 50 bytes, got %1</source>
        <translation>MS-CHAPv2 : MS-CHAP2-Response doit porter 50 octets, reçu %1</translation>
    </message>
    <message>
        <source>MS-CHAPv2: no 16-byte MS-CHAP-Challenge beside MS-CHAP2-Response</source>
        <translation>MS-CHAPv2 : pas de MS-CHAP-Challenge de 16 octets à côté de MS-CHAP2-Response</translation>
    </message>
    <message>
        <source>MS-CHAPv2: MD4/DES unavailable (OpenSSL legacy provider not found)</source>
        <translation>MS-CHAPv2 : MD4/DES indisponibles (fournisseur « legacy » d’OpenSSL introuvable)</translation>
    </message>
    <message>
        <source>MS-CHAPv2: wrong NT-Response for &apos;%1&apos;</source>
        <translation>MS-CHAPv2 : NT-Response erronée pour « %1 »</translation>
    </message>
    <message>
        <source>MS-CHAPv2: SHA-1 unavailable</source>
        <translation>MS-CHAPv2 : SHA-1 indisponible</translation>
    </message>
    <message>
        <source>MS-CHAPv2: &apos;%1&apos; accepted</source>
        <translation>MS-CHAPv2 : « %1 » accepté</translation>
    </message>
    <message>
        <source>cannot open capture &apos;%1&apos;: %2</source>
        <translation>impossible d’ouvrir la capture « %1 » : %2</translation>
    </message>
    <message>
        <source>cannot open capture &apos;%1&apos;: it is a directory</source>
        <translation>impossible d’ouvrir la capture « %1 » : c’est un dossier</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a capture file EapScope can read (libpcap: %2); expected pcap or pcapng, optionally gzip-compressed</source>
        <translation>« %1 » n’est pas un fichier de capture qu’EapScope sait lire (libpcap : %2) ; attendu : pcap ou pcapng, éventuellement compressé par gzip</translation>
    </message>
    <message>
        <source>cannot reopen capture &apos;%1&apos;: %2</source>
        <translation>impossible de rouvrir la capture « %1 » : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; interface %2: %3</source>
        <translation>« %1 », interface %2 : %3</translation>
    </message>
    <message>
        <source>import of &apos;%1&apos; cancelled after %2 frames</source>
        <translation>import de « %1 » annulé après %2 trames</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Aucun fichier ou dossier de ce nom</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>C’est un dossier</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Ce n’est pas un dossier</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Plus de place sur le périphérique</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Système de fichiers en lecture seule</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>Le fichier existe</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Trop de fichiers ouverts</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>Address already in use</source>
        <translation>Adresse déjà utilisée</translation>
    </message>
    <message>
        <source>Cannot assign requested address</source>
        <translation>Impossible d’attribuer l’adresse demandée</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>Réseau injoignable</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Erreur d’entrée/sortie</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>impossible d’ouvrir le fichier de base de données</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>le fichier n’est pas une base de données</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>l’image disque de la base de données est malformée</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>erreur d’entrée/sortie disque</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>la base de données ou le disque est plein</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>tentative d’écriture dans une base de données en lecture seule</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>la base de données est verrouillée</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>mémoire épuisée</translation>
    </message>
    <message>
        <source>MD5 signature (%1)</source>
        <translation>signature MD5 (%1)</translation>
    </message>
    <message>
        <source>SHA-1 signature (%1)</source>
        <translation>signature SHA-1 (%1)</translation>
    </message>
    <message>
        <source>%1 key of %2 bits</source>
        <translation>clé %1 de %2 bits</translation>
    </message>
    <message>
        <source>EC key of %1 bits</source>
        <translation>clé EC de %1 bits</translation>
    </message>
    <message>
        <source>%1: cannot read the users file</source>
        <translation>%1 : impossible de lire le fichier des utilisateurs</translation>
    </message>
    <message>
        <source>%1:%2: expected &apos;identity password&apos; (two words), got &apos;%3&apos;</source>
        <translation>%1:%2 : attendu « identité mot-de-passe » (deux mots), lu « %3 »</translation>
    </message>
    <message>
        <source>--secret is required: the shared secret of the NASes that will connect</source>
        <translation>--secret est obligatoire : le secret partagé des NAS qui se connecteront</translation>
    </message>
    <message>
        <source>--listen: %1</source>
        <translation>adresse d’écoute : %1</translation>
    </message>
    <message>
        <source>host died: %1</source>
        <translation>hôte mort : %1</translation>
    </message>
    <message>
        <source>--radius needs --secret: the shared secret this NAS has with the server</source>
        <translation>--radius demande --secret : le secret partagé entre ce NAS et le serveur</translation>
    </message>
    <message>
        <source>--radius: %1</source>
        <translation>serveur RADIUS : %1</translation>
    </message>
    <message>
        <source>--auth: %1</source>
        <translation>--auth : %1</translation>
    </message>
    <message>
        <source>--peer: %1</source>
        <translation>--peer : %1</translation>
    </message>
    <message>
        <source>the heap tracer %1 is missing or unreadable (it is installed with eapscope-host; set EAPSCOPE_TRACER to use another)</source>
        <translation>le traceur de tas %1 manque ou est illisible (il est installé avec eapscope-host ; définissez EAPSCOPE_TRACER pour en utiliser un autre)</translation>
    </message>
    <message>
        <source>running a Windows DLL needs Wine, and %1 is not there: install Debian&apos;s wine64 package (apt-get install wine64), or set EAPSCOPE_WINE to a wine64 program</source>
        <translation>exécuter une DLL Windows demande Wine, et %1 est absent : installez le paquet Debian wine64 (apt-get install wine64), ou donnez dans EAPSCOPE_WINE un programme wine64</translation>
    </message>
    <message>
        <source>the Windows method host %1 is missing: build EapScope with MinGW-w64 installed (g++-mingw-w64-x86-64)</source>
        <translation>l’hôte de méthodes Windows %1 manque : compilez EapScope avec MinGW-w64 installé (g++-mingw-w64-x86-64)</translation>
    </message>
    <message>
        <source>%1 was not started</source>
        <translation>%1 n’a pas été démarré</translation>
    </message>
    <message>
        <source>the method host %1 did not answer the protocol handshake (%2)</source>
        <translation>l’hôte de méthodes %1 n’a pas répondu à la poignée de main du protocole (%2)</translation>
    </message>
    <message>
        <source>wrong magic or version</source>
        <translation>signature ou version erronée</translation>
    </message>
    <message>
        <source>the method host %1 closed the connection during the handshake</source>
        <translation>l’hôte de méthodes %1 a fermé la connexion pendant la poignée de main</translation>
    </message>
    <message>
        <source>the host request</source>
        <translation>la requête à l’hôte</translation>
    </message>
    <message>
        <source>%1 did not return within %2 ms; the method host was killed</source>
        <translation>%1 n’est pas revenu en %2 ms ; l’hôte de méthodes a été tué</translation>
    </message>
    <message>
        <source>%1 crashed the Windows method host: %2</source>
        <translation>%1 a planté l’hôte de méthodes Windows : %2</translation>
    </message>
    <message>
        <source>exception %1</source>
        <translation>exception %1</translation>
    </message>
    <message>
        <source>%1 crashed the method host: %2</source>
        <translation>%1 a planté l’hôte de méthodes : %2</translation>
    </message>
    <message>
        <source>%1 ended the method host with exit status %2</source>
        <translation>%1 a terminé l’hôte de méthodes avec le code de sortie %2</translation>
    </message>
    <message>
        <source>%1 (broken host stream: %2)</source>
        <translation>%1 (flux de l’hôte rompu : %2)</translation>
    </message>
    <message>
        <source>the method host is not running</source>
        <translation>l’hôte de méthodes ne tourne pas</translation>
    </message>
    <message>
        <source>%1: the method host sent a malformed reply</source>
        <translation>%1 : l’hôte de méthodes a envoyé une réponse malformée</translation>
    </message>
    <message>
        <source>loading %1 failed in the method host: %2</source>
        <translation>le chargement de %1 a échoué dans l’hôte de méthodes : %2</translation>
    </message>
    <message>
        <source>malformed reply</source>
        <translation>réponse malformée</translation>
    </message>
    <message>
        <source>%1 is a 32-bit Windows DLL (PE32, machine %2); EapScope loads 64-bit methods: build it for x64 (PE32+)</source>
        <translation>%1 est une DLL Windows 32 bits (PE32, machine %2) ; EapScope charge des méthodes 64 bits : compilez-la pour x64 (PE32+)</translation>
    </message>
    <message>
        <source>%1 is a Windows DLL for machine %2; EapScope runs Windows methods built for x64: build it for x64</source>
        <translation>%1 est une DLL Windows pour la machine %2 ; EapScope exécute les méthodes Windows compilées pour x64 : compilez-la pour x64</translation>
    </message>
    <message>
        <source>%1 is a Windows x64 DLL; %2</source>
        <translation>%1 est une DLL Windows x64 ; %2</translation>
    </message>
    <message>
        <source>cannot start the method host %1: %2 (is eapscope-host built next to this program?)</source>
        <translation>impossible de démarrer l’hôte de méthodes %1 : %2 (eapscope-host est-il compilé à côté de ce programme ?)</translation>
    </message>
    <message>
        <source>Segmentation fault</source>
        <translation>Erreur de segmentation</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abandon</translation>
    </message>
    <message>
        <source>Bus error</source>
        <translation>Erreur de bus</translation>
    </message>
    <message>
        <source>Floating point exception</source>
        <translation>Exception en virgule flottante</translation>
    </message>
    <message>
        <source>Illegal instruction</source>
        <translation>Instruction illégale</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Processus arrêté</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Trace/breakpoint trap</source>
        <translation>Trappe de trace/point d’arrêt</translation>
    </message>
    <message>
        <source>Bad system call</source>
        <translation>Appel système erroné</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>Tube rompu</translation>
    </message>
    <message>
        <source>CPU time limit exceeded</source>
        <translation>Limite de temps processeur dépassée</translation>
    </message>
    <message>
        <source>File size limit exceeded</source>
        <translation>Limite de taille de fichier dépassée</translation>
    </message>
    <message>
        <source>Hangup</source>
        <translation>Raccrochage</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Interruption</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Alarm clock</source>
        <translation>Minuterie d’alerte</translation>
    </message>
    <message>
        <source>unknown signal</source>
        <translation>signal inconnu</translation>
    </message>
    <message>
        <source>the method host is still running</source>
        <translation>l’hôte de méthodes tourne encore</translation>
    </message>
    <message>
        <source>the method host was killed by signal %1 (%2)</source>
        <translation>l’hôte de méthodes a été tué par le signal %1 (%2)</translation>
    </message>
    <message>
        <source>the method exited the host process with status %1</source>
        <translation>la méthode a terminé le processus hôte avec le code %1</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected an EapScope session file or a capture</source>
        <translation>%1 : le fichier est vide ; attendu : un fichier de session EapScope ou une capture</translation>
    </message>
    <message>
        <source>%1: neither an EapScope session file nor a capture EapScope can read (expected a session file saved by EapScope, or pcap or pcapng, optionally gzip-compressed)</source>
        <translation>%1 : ni un fichier de session EapScope ni une capture qu’EapScope sait lire (attendu : un fichier de session enregistré par EapScope, ou pcap ou pcapng, éventuellement compressé par gzip)</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1 : impossible d’ouvrir : %2</translation>
    </message>
    <message>
        <source>%1: cannot open: it is a directory</source>
        <translation>%1 : impossible d’ouvrir : c’est un dossier</translation>
    </message>
    <message>
        <source>breakpoint &apos;%1&apos; is not kind:value (e.g. entry:RasEapEnd)</source>
        <translation>le point d’arrêt « %1 » n’est pas de la forme genre:valeur (par ex. entry:RasEapEnd)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a breakpoint kind (entry, action, packet-code, packet-type, finding, live-heap)</source>
        <translation>« %1 » n’est pas un genre de point d’arrêt (entry, action, packet-code, packet-type, finding, live-heap)</translation>
    </message>
    <message>
        <source>breakpoint value &apos;%1&apos; is not %2</source>
        <translation>la valeur de point d’arrêt « %1 » n’est pas %2</translation>
    </message>
    <message>
        <source>an entry point (RasEapBegin, RasEapMakeMessage, RasEapEnd, …)</source>
        <translation>un point d’entrée (RasEapBegin, RasEapMakeMessage, RasEapEnd, …)</translation>
    </message>
    <message>
        <source>an action (Send, SendWithTimeout, Done, Authenticate, …)</source>
        <translation>une action (Send, SendWithTimeout, Done, Authenticate, …)</translation>
    </message>
    <message>
        <source>an EAP code (Request, Response, Success, Failure or 1-255)</source>
        <translation>un code EAP (Request, Response, Success, Failure ou 1-255)</translation>
    </message>
    <message>
        <source>an EAP type (Identity, Nak, MD5-Challenge, … or 1-255)</source>
        <translation>un type EAP (Identity, Nak, MD5-Challenge, … ou 1-255)</translation>
    </message>
    <message>
        <source>a rule of the contract catalogue</source>
        <translation>une règle du catalogue du contrat</translation>
    </message>
    <message>
        <source>a number of bytes</source>
        <translation>un nombre d’octets</translation>
    </message>
    <message>
        <source>no lesson given: pass a lesson id or a .lesson file</source>
        <translation>aucune leçon donnée : passez un identifiant de leçon ou un fichier .lesson</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bundled lesson (known: %2); to use your own lesson pass its file, e.g. ./%3.lesson</source>
        <translation>« %1 » n’est pas une leçon fournie (connues : %2) ; pour utiliser votre propre leçon, passez son fichier, par ex. ./%3.lesson</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the file name of a bundled capture</source>
        <translation>« %1 » n’est pas le nom de fichier d’une capture fournie</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bundled capture (looked in %2)</source>
        <translation>« %1 » n’est pas une capture fournie (cherchée dans %2)</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4: %5</source>
        <translation>%1:%2:%3 : %4 : %5</translation>
    </message>
    <message>
        <source>expected a mapping (key: value lines)</source>
        <translation>attendu : un dictionnaire (lignes clé: valeur)</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (known: %2)</source>
        <translation>clé inconnue « %1 » (connues : %2)</translation>
    </message>
    <message>
        <source>expected a list (lines starting with &apos;-&apos;)</source>
        <translation>attendu : une liste (lignes commençant par « - »)</translation>
    </message>
    <message>
        <source>expected exactly one key</source>
        <translation>attendu : exactement une clé</translation>
    </message>
    <message>
        <source>expected a text</source>
        <translation>attendu : un texte</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, not &apos;%3&apos;</source>
        <translation>attendu : un nombre entier de %1 à %2, pas « %3 »</translation>
    </message>
    <message>
        <source>expected true or false, not &apos;%1&apos;</source>
        <translation>attendu : true ou false, pas « %1 »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not %2</source>
        <translation>« %1 » n’est pas %2</translation>
    </message>
    <message>
        <source>missing (give it in English and French: {en: …, fr: …})</source>
        <translation>manquant (donnez-le en anglais et en français : {en: …, fr: …})</translation>
    </message>
    <message>
        <source>missing the English text (%1)</source>
        <translation>le texte anglais manque (%1)</translation>
    </message>
    <message>
        <source>missing the French text (%1)</source>
        <translation>le texte français manque (%1)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid id (lower-case letters, digits and &apos;-&apos;, at most 64)</source>
        <translation>« %1 » n’est pas un identifiant valide (lettres minuscules, chiffres et « - », 64 au plus)</translation>
    </message>
    <message>
        <source>the list of choices is empty</source>
        <translation>la liste des choix est vide</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a counterpart (loopback, capture or replay)</source>
        <translation>« %1 » n’est pas une contrepartie (loopback, capture ou replay)</translation>
    </message>
    <message>
        <source>name a bundled method (e.g. md5, training-heap-leak), not a library path</source>
        <translation>nommez une méthode fournie (par ex. md5, training-heap-leak), pas un chemin de bibliothèque</translation>
    </message>
    <message>
        <source>name a bundled capture by its file name, not a path</source>
        <translation>nommez une capture fournie par son nom de fichier, pas par un chemin</translation>
    </message>
    <message>
        <source>a capture or replay lesson needs &apos;capture: FILE&apos; (a bundled capture)</source>
        <translation>une leçon capture ou replay demande « capture: FICHIER » (une capture fournie)</translation>
    </message>
    <message>
        <source>a loopback lesson runs no capture; set &apos;counterpart: capture&apos; or &apos;replay&apos;</source>
        <translation>une leçon loopback ne joue aucune capture ; mettez « counterpart: capture » ou « replay »</translation>
    </message>
    <message>
        <source>a side (authenticator or peer)</source>
        <translation>un côté (authenticator ou peer)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a rule of the contract catalogue</source>
        <translation>« %1 » n’est pas une règle du catalogue du contrat</translation>
    </message>
    <message>
        <source>a PPP_EAP_ACTION (Send, SendWithTimeout, Done, Authenticate, …)</source>
        <translation>une PPP_EAP_ACTION (Send, SendWithTimeout, Done, Authenticate, …)</translation>
    </message>
    <message>
        <source>an EAP type (Identity, Nak, MD5-Challenge, PEAP, … or 1-255)</source>
        <translation>un type EAP (Identity, Nak, MD5-Challenge, PEAP, … ou 1-255)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an outcome (success, failure or error)</source>
        <translation>« %1 » n’est pas une issue (success, failure ou error)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a question (packet, rule, context, bytes, blocks, call, identity, method, outcome, count, result-code)</source>
        <translation>« %1 » n’est pas une question (packet, rule, context, bytes, blocks, call, identity, method, outcome, count, result-code)</translation>
    </message>
    <message>
        <source>a breakpoint condition needs &apos;kind&apos; (entry, action, packet-code, packet-type, finding, live-heap)</source>
        <translation>une condition de point d’arrêt demande « kind » (entry, action, packet-code, packet-type, finding, live-heap)</translation>
    </message>
    <message>
        <source>missing: say when the task is done (finding, call, packet, outcome, breakpoint or answer)</source>
        <translation>manquant : dites quand la tâche est faite (finding, call, packet, outcome, breakpoint ou answer)</translation>
    </message>
    <message>
        <source>an answer condition needs &apos;question&apos;</source>
        <translation>une condition answer demande « question »</translation>
    </message>
    <message>
        <source>unknown condition &apos;%1&apos; (finding, call, packet, outcome, timer, breakpoint or answer)</source>
        <translation>condition inconnue « %1 » (finding, call, packet, outcome, timer, breakpoint ou answer)</translation>
    </message>
    <message>
        <source>a task the learner answers needs &apos;feedback&apos; for a wrong answer ({en: …, fr: …})</source>
        <translation>une tâche à laquelle l’apprenant répond demande « feedback » pour une mauvaise réponse ({en: …, fr: …})</translation>
    </message>
    <message>
        <source>select a packet, call or finding, not &apos;%1&apos;</source>
        <translation>sélectionnez un packet, call ou finding, pas « %1 »</translation>
    </message>
    <message>
        <source>say what to select: exactly one of packet, call or finding</source>
        <translation>dites quoi sélectionner : exactement un parmi packet, call ou finding</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a solution step (step, continue, run, fire-timeout, select, answer, hint)</source>
        <translation>« %1 » n’est pas une étape de solution (step, continue, run, fire-timeout, select, answer, hint)</translation>
    </message>
    <message>
        <source>an answer gives either &apos;value&apos; or &apos;select&apos; (for packet questions)</source>
        <translation>une réponse donne soit « value », soit « select » (pour les questions sur un paquet)</translation>
    </message>
    <message>
        <source>task id &apos;%1&apos; is used twice</source>
        <translation>l’identifiant de tâche « %1 » est utilisé deux fois</translation>
    </message>
    <message>
        <source>names task &apos;%1&apos;, which the lesson does not have</source>
        <translation>nomme la tâche « %1 », que la leçon n’a pas</translation>
    </message>
    <message>
        <source>answers task &apos;%1&apos;, which asks no question</source>
        <translation>répond à la tâche « %1 », qui ne pose aucune question</translation>
    </message>
    <message>
        <source>missing &apos;format: 1&apos; (the lesson format version)</source>
        <translation>« format: 1 » manque (la version du format de leçon)</translation>
    </message>
    <message>
        <source>format %1 is not one this EapScope reads (%2); open it with a newer EapScope</source>
        <translation>le format %1 n’est pas un de ceux que lit cet EapScope (%2) ; ouvrez-le avec un EapScope plus récent</translation>
    </message>
    <message>
        <source>missing &apos;tasks&apos;</source>
        <translation>« tasks » manque</translation>
    </message>
    <message>
        <source>a lesson needs at least one task</source>
        <translation>une leçon demande au moins une tâche</translation>
    </message>
    <message>
        <source>missing &apos;solution&apos; (what the lesson&apos;s own check plays)</source>
        <translation>« solution » manque (ce que joue la vérification propre à la leçon)</translation>
    </message>
    <message>
        <source>%1:%2:%3: not a valid lesson file (YAML): %4</source>
        <translation>%1:%2:%3 : pas un fichier de leçon valide (YAML) : %4</translation>
    </message>
    <message>
        <source>%1:1:1: not a lesson file: expected &apos;format: 1&apos;, &apos;id:&apos;, &apos;title:&apos;, … at the top</source>
        <translation>%1:1:1 : pas un fichier de leçon : attendu « format: 1 », « id: », « title: », … en tête</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <translation>%1:%2:%3 : %4</translation>
    </message>
    <message>
        <source>%1: cannot read the lesson file</source>
        <translation>%1 : impossible de lire le fichier de leçon</translation>
    </message>
    <message>
        <source>%1: scenario.capture: %2</source>
        <translation>%1 : scenario.capture : %2</translation>
    </message>
    <message>
        <source>%1: the lesson has no task</source>
        <translation>%1 : la leçon n’a aucune tâche</translation>
    </message>
    <message>
        <source>%1: scenario.%2: %3</source>
        <translation>%1 : scenario.%2 : %3</translation>
    </message>
    <message>
        <source>%1: scenario: %2</source>
        <translation>%1 : scenario : %2</translation>
    </message>
    <message>
        <source>method library &apos;%1&apos; does not exist</source>
        <translation>la bibliothèque de méthode « %1 » n’existe pas</translation>
    </message>
    <message>
        <source>method library &apos;%1&apos; is a directory, not a shared library</source>
        <translation>la bibliothèque de méthode « %1 » est un dossier, pas une bibliothèque partagée</translation>
    </message>
    <message>
        <source>no method given: pass a bundled method name (%1) or a library path</source>
        <translation>aucune méthode donnée : passez le nom d’une méthode fournie (%1) ou un chemin de bibliothèque</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a bundled method (known: %2); to load your own library pass its path, e.g. ./%3.so</source>
        <translation>« %1 » n’est pas une méthode fournie (connues : %2) ; pour charger votre propre bibliothèque, passez son chemin, par ex. ./%3.so</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT</source>
        <translation>« %1 » n’est pas de la forme HÔTE:PORT</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the port must be a number 0..65535</source>
        <translation>« %1 » : le port doit être un nombre de 0 à 65535</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: &apos;%2&apos; is not an IPv4 address or known host name</source>
        <translation>« %1 » : « %2 » n’est ni une adresse IPv4 ni un nom d’hôte connu</translation>
    </message>
    <message>
        <source>cannot open a UDP socket</source>
        <translation>impossible d’ouvrir une socket UDP</translation>
    </message>
    <message>
        <source>cannot address RADIUS server %1</source>
        <translation>impossible de joindre le serveur RADIUS %1</translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation>impossible d’écouter sur %1</translation>
    </message>
    <message>
        <source>cannot send to the RADIUS server</source>
        <translation>impossible d’envoyer au serveur RADIUS</translation>
    </message>
    <message>
        <source>cannot send to %1</source>
        <translation>impossible d’envoyer à %1</translation>
    </message>
    <message>
        <source>%1: damaged session file: %2</source>
        <translation>%1 : fichier de session endommagé : %2</translation>
    </message>
    <message>
        <source>string %1 is missing or not text</source>
        <translation>la chaîne %1 manque ou n’est pas du texte</translation>
    </message>
    <message>
        <source>string %1 is %2 bytes</source>
        <translation>la chaîne %1 fait %2 octets</translation>
    </message>
    <message>
        <source>string %1 has a sentence that is not a template with its arguments</source>
        <translation>la chaîne %1 a une phrase qui n’est pas un modèle avec ses arguments</translation>
    </message>
    <message>
        <source>%1: opening cancelled</source>
        <translation>%1 : ouverture annulée</translation>
    </message>
    <message>
        <source>packet %1 is missing or not a blob</source>
        <translation>le paquet %1 manque ou n’est pas un blob</translation>
    </message>
    <message>
        <source>packet %1 is %2 bytes, more than a packet can be</source>
        <translation>le paquet %1 fait %2 octets, plus qu’un paquet ne peut en faire</translation>
    </message>
    <message>
        <source>a method identity has an invalid side, type or roles</source>
        <translation>une identité de méthode a un côté, un type ou des rôles invalides</translation>
    </message>
    <message>
        <source>%1 refers to string %2, which does not exist</source>
        <translation>%1 renvoie à la chaîne %2, qui n’existe pas</translation>
    </message>
    <message>
        <source>%1 has an invalid id, side, number or creating event</source>
        <translation>%1 a un identifiant, un côté, un numéro ou un événement de création invalide</translation>
    </message>
    <message>
        <source>%1 has an invalid id, rule, severity, side, context, call or entry</source>
        <translation>%1 a un identifiant, une règle, une gravité, un côté, un contexte, un appel ou un point d’entrée invalide</translation>
    </message>
    <message>
        <source>%1 has an invalid signal or exit status</source>
        <translation>%1 a un signal ou un code de sortie invalide</translation>
    </message>
    <message>
        <source>%1 has sites that are not a list of text</source>
        <translation>%1 a des sites qui ne sont pas une liste de textes</translation>
    </message>
    <message>
        <source>%1 has a message text that is not a template with its arguments</source>
        <translation>%1 a un texte de message qui n’est pas un modèle avec ses arguments</translation>
    </message>
    <message>
        <source>more events than the file can hold</source>
        <translation>plus d’événements que le fichier ne peut en contenir</translation>
    </message>
    <message>
        <source>finding %1 has no event</source>
        <translation>le constat %1 n’a pas d’événement</translation>
    </message>
    <message>
        <source>event %1 has a non-integer column %2</source>
        <translation>l’événement %1 a une colonne %2 non entière</translation>
    </message>
    <message>
        <source>event %1 has an out-of-range value or a dangling id</source>
        <translation>l’événement %1 a une valeur hors limites ou un identifiant orphelin</translation>
    </message>
    <message>
        <source>event %1 refers to finding %2 out of order or missing</source>
        <translation>l’événement %1 renvoie au constat %2, hors d’ordre ou manquant</translation>
    </message>
    <message>
        <source>lesson progress row %1 is invalid</source>
        <translation>la ligne de progression de leçon %1 est invalide</translation>
    </message>
    <message>
        <source>%1: not a session file (not a regular file)</source>
        <translation>%1 : pas un fichier de session (pas un fichier ordinaire)</translation>
    </message>
    <message>
        <source>%1: damaged session file: cut short (%2 of %3 bytes); was the transfer complete?</source>
        <translation>%1 : fichier de session endommagé : tronqué (%2 octets sur %3) ; le transfert était-il complet ?</translation>
    </message>
    <message>
        <source>%1: damaged session file: shorter than an SQLite header</source>
        <translation>%1 : fichier de session endommagé : plus court qu’un en-tête SQLite</translation>
    </message>
    <message>
        <source>%1: not an EapScope session file (not an SQLite database)</source>
        <translation>%1 : pas un fichier de session EapScope (pas une base de données SQLite)</translation>
    </message>
    <message>
        <source>%1: not an EapScope session file (not an SQLite database, or damaged)</source>
        <translation>%1 : pas un fichier de session EapScope (pas une base de données SQLite, ou endommagé)</translation>
    </message>
    <message>
        <source>%1: not an EapScope session file (%2)</source>
        <translation>%1 : pas un fichier de session EapScope (%2)</translation>
    </message>
    <message>
        <source>%1: not an EapScope session file (no format version)</source>
        <translation>%1 : pas un fichier de session EapScope (aucune version de format)</translation>
    </message>
    <message>
        <source>%1: invalid session format version %2.%3</source>
        <translation>%1 : version de format de session invalide %2.%3</translation>
    </message>
    <message>
        <source>%1: session format %2.%3 is newer than this EapScope reads (%4); open it with a newer EapScope</source>
        <translation>%1 : le format de session %2.%3 est plus récent que ce que lit cet EapScope (%4) ; ouvrez-le avec un EapScope plus récent</translation>
    </message>
    <message>
        <source>%1: cannot migrate format 1.0: %2</source>
        <translation>%1 : impossible de migrer le format 1.0 : %2</translation>
    </message>
    <message>
        <source>%1: cannot migrate format 1.1: %2</source>
        <translation>%1 : impossible de migrer le format 1.1 : %2</translation>
    </message>
    <message>
        <source>%1: cannot migrate format 1.2: %2</source>
        <translation>%1 : impossible de migrer le format 1.2 : %2</translation>
    </message>
    <message>
        <source>%1: cannot migrate format 1.3: %2</source>
        <translation>%1 : impossible de migrer le format 1.3 : %2</translation>
    </message>
    <message>
        <source>%1: cannot create session file: %2</source>
        <translation>%1 : impossible de créer le fichier de session : %2</translation>
    </message>
    <message>
        <source>%1: too large to open from memory</source>
        <translation>%1 : trop grand pour être ouvert depuis la mémoire</translation>
    </message>
    <message>
        <source>%1: out of memory</source>
        <translation>%1 : mémoire épuisée</translation>
    </message>
    <message>
        <source>%1: not a session file (%2)</source>
        <translation>%1 : pas un fichier de session (%2)</translation>
    </message>
    <message>
        <source>%1: cannot copy: %2</source>
        <translation>%1 : impossible de copier : %2</translation>
    </message>
    <message>
        <source>TLS message reassembled from %1 fragments, %2 bytes: %3</source>
        <translation>message TLS réassemblé à partir de %1 fragments, %2 octets : %3</translation>
    </message>
</context>
<context>
    <name>RuleCatalogue</name>
    <message>
        <source>the system loader could not load the library (the finding quotes the loader: a missing dependency, a wrong architecture, an unresolved symbol)</source>
        <translation>le chargeur du système n&apos;a pas pu charger la bibliothèque (le constat cite le chargeur : une dépendance manquante, une mauvaise architecture, un symbole non résolu)</translation>
    </message>
    <message>
        <source>the library has no RasEapGetInfo export</source>
        <translation>la bibliothèque n&apos;exporte pas RasEapGetInfo</translation>
    </message>
    <message>
        <source>RasEapGetInfo returned an error for the requested type</source>
        <translation>RasEapGetInfo a renvoyé une erreur pour le type demandé</translation>
    </message>
    <message>
        <source>RasEapGetInfo filled a dwEapTypeId that differs from the requested type</source>
        <translation>RasEapGetInfo a rempli un dwEapTypeId différent du type demandé</translation>
    </message>
    <message>
        <source>RasEapGetInfo left the RasEapMakeMessage pointer NULL</source>
        <translation>RasEapGetInfo a laissé le pointeur RasEapMakeMessage à NULL</translation>
    </message>
    <message>
        <source>RasEapGetInfo wrote past the end of PPP_EAP_INFO</source>
        <translation>RasEapGetInfo a écrit au-delà de la fin de PPP_EAP_INFO</translation>
    </message>
    <message>
        <source>RasEapInitialize(TRUE) failed, so the method cannot be used</source>
        <translation>RasEapInitialize(TRUE) a échoué : la méthode est inutilisable</translation>
    </message>
    <message>
        <source>RasEapBegin returned NO_ERROR without writing *ppWorkBuffer</source>
        <translation>RasEapBegin a renvoyé NO_ERROR sans écrire *ppWorkBuffer</translation>
    </message>
    <message>
        <source>RasEapBegin returned the work buffer of another live context</source>
        <translation>RasEapBegin a renvoyé le tampon de travail d&apos;un autre contexte vivant</translation>
    </message>
    <message>
        <source>the method wrote into host-owned input (PPP_EAP_INPUT, its strings, attributes or the received packet)</source>
        <translation>la méthode a écrit dans une entrée qui appartient à l&apos;hôte (PPP_EAP_INPUT, ses chaînes, ses attributs ou le paquet reçu)</translation>
    </message>
    <message>
        <source>the method kept a pointer to Begin-only input (identity, password, connection or user data) and read it later</source>
        <translation>la méthode a gardé un pointeur vers une entrée valable seulement pendant Begin (identité, mot de passe, données de connexion ou d&apos;utilisateur) et l&apos;a relue plus tard</translation>
    </message>
    <message>
        <source>the method wrote past the host&apos;s PPP_EAP_OUTPUT</source>
        <translation>la méthode a écrit au-delà du PPP_EAP_OUTPUT de l&apos;hôte</translation>
    </message>
    <message>
        <source>the method wrote past cbSendPacket bytes of the send buffer</source>
        <translation>la méthode a écrit au-delà des cbSendPacket octets du tampon d&apos;envoi</translation>
    </message>
    <message>
        <source>the sent packet&apos;s Length is &lt; 4, &gt; cbSendPacket, or wrong for its code</source>
        <translation>le champ Length du paquet envoyé est &lt; 4, &gt; cbSendPacket, ou incorrect pour son code</translation>
    </message>
    <message>
        <source>the sent packet&apos;s Code is not allowed for the method&apos;s role</source>
        <translation>le Code du paquet envoyé n&apos;est pas permis pour le rôle de la méthode</translation>
    </message>
    <message>
        <source>the sent Request/Response Type is not the method&apos;s EAP type</source>
        <translation>le Type de la Request/Response envoyée n&apos;est pas le type EAP de la méthode</translation>
    </message>
    <message>
        <source>an Identifier rule was broken (first Id, +1 per new Request, Response echoes Request, Success/Failure echo the last Response)</source>
        <translation>une règle d&apos;Identifier a été enfreinte (premier Id, +1 à chaque nouvelle Request, la Response reprend celui de la Request, Success/Failure reprennent celui de la dernière Response)</translation>
    </message>
    <message>
        <source>a retransmission is not byte-identical to the packet it repeats</source>
        <translation>une retransmission n&apos;est pas identique, octet pour octet, au paquet qu&apos;elle répète</translation>
    </message>
    <message>
        <source>the Action is out of range or one of the reserved values 7/8</source>
        <translation>l&apos;Action est hors limites ou vaut l&apos;une des valeurs réservées 7/8</translation>
    </message>
    <message>
        <source>an Action or output flag is not allowed for the method&apos;s role</source>
        <translation>une Action ou un indicateur de sortie n&apos;est pas permis pour le rôle de la méthode</translation>
    </message>
    <message>
        <source>Success was sent with a failure code, or Failure with NO_ERROR</source>
        <translation>Success a été envoyé avec un code d&apos;échec, ou Failure avec NO_ERROR</translation>
    </message>
    <message>
        <source>an output attribute array is unterminated or invalid, or an MPPE key attribute is malformed</source>
        <translation>un tableau d&apos;attributs de sortie est non terminé ou invalide, ou un attribut de clé MPPE est mal formé</translation>
    </message>
    <message>
        <source>an entry point returned an error that ends the session</source>
        <translation>un point d&apos;entrée a renvoyé une erreur qui met fin à la session</translation>
    </message>
    <message>
        <source>RasEapEnd returned an error</source>
        <translation>RasEapEnd a renvoyé une erreur</translation>
    </message>
    <message>
        <source>the work buffer was still allocated after RasEapEnd returned</source>
        <translation>le tampon de travail était encore alloué après le retour de RasEapEnd</translation>
    </message>
    <message>
        <source>blocks allocated during the context&apos;s calls are still live after its RasEapEnd</source>
        <translation>des blocs alloués pendant les appels du contexte sont encore vivants après son RasEapEnd</translation>
    </message>
    <message>
        <source>a call on one context freed a block that belongs to another context</source>
        <translation>un appel sur un contexte a libéré un bloc qui appartient à un autre contexte</translation>
    </message>
    <message>
        <source>the method touched or freed memory of a context after that context ended</source>
        <translation>la méthode a touché ou libéré la mémoire d&apos;un contexte après la fin de ce contexte</translation>
    </message>
    <message>
        <source>the method freed a block twice</source>
        <translation>la méthode a libéré un bloc deux fois</translation>
    </message>
    <message>
        <source>the method freed a pointer the allocator never returned</source>
        <translation>la méthode a libéré un pointeur que l&apos;allocateur n&apos;a jamais renvoyé</translation>
    </message>
    <message>
        <source>blocks allocated by RasEapInitialize(TRUE) are still live after RasEapInitialize(FALSE)</source>
        <translation>des blocs alloués par RasEapInitialize(TRUE) sont encore vivants après RasEapInitialize(FALSE)</translation>
    </message>
    <message>
        <source>the method crashed, aborted or exited the process</source>
        <translation>la méthode a planté, avorté ou terminé le processus</translation>
    </message>
    <message>
        <source>a call did not return within the watchdog limit</source>
        <translation>un appel n&apos;est pas revenu dans le délai du chien de garde</translation>
    </message>
    <message>
        <source>a call took longer than the configured threshold (blocking work in the engine thread)</source>
        <translation>un appel a pris plus longtemps que le seuil configuré (travail bloquant dans le fil du moteur)</translation>
    </message>
    <message>
        <source>replaying a captured conversation, the method&apos;s packet differs from the captured one</source>
        <translation>en rejouant une conversation capturée, le paquet de la méthode diffère de celui de la capture</translation>
    </message>
    <message>
        <source>unknown rule</source>
        <translation>règle inconnue</translation>
    </message>
    <message>
        <source>the RADIUS server did not answer the Access-Request, retransmissions included (server down, unreachable, or a wrong shared secret: RADIUS drops such requests silently)</source>
        <translation>le serveur RADIUS n’a pas répondu à l’Access-Request, retransmissions comprises (serveur arrêté, injoignable, ou mauvais secret partagé : RADIUS ignore de telles requêtes sans rien dire)</translation>
    </message>
    <message>
        <source>the MPPE keys the method put in its output attributes differ from the MS-MPPE keys the RADIUS server derived (or the method exported none)</source>
        <translation>les clés MPPE que la méthode a mises dans ses attributs de sortie diffèrent des clés MS-MPPE dérivées par le serveur RADIUS (ou la méthode n’en a exporté aucune)</translation>
    </message>
</context>
<context>
    <name>eapscope</name>
    <message>
        <source>Authenticator</source>
        <translation>Authentificateur</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>call</source>
        <translation>appel</translation>
    </message>
    <message>
        <source>return</source>
        <translation>retour</translation>
    </message>
    <message>
        <source>packet</source>
        <translation>paquet</translation>
    </message>
    <message>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <source>timer-armed</source>
        <translation>minuterie armée</translation>
    </message>
    <message>
        <source>timer-fired</source>
        <translation>minuterie échue</translation>
    </message>
    <message>
        <source>alloc</source>
        <translation>alloc</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libération</translation>
    </message>
    <message>
        <source>finding</source>
        <translation>constat</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>begun</source>
        <translation>commencé</translation>
    </message>
    <message>
        <source>exchanging</source>
        <translation>en échange</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fini</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>apprenant</translation>
    </message>
    <message>
        <source>lesson %1 started</source>
        <translation>leçon %1 commencée</translation>
    </message>
    <message>
        <source>task %1 shown</source>
        <translation>tâche %1 affichée</translation>
    </message>
    <message>
        <source>task %1 completed</source>
        <translation>tâche %1 terminée</translation>
    </message>
    <message>
        <source>hint of task %1 shown</source>
        <translation>indice de la tâche %1 affiché</translation>
    </message>
    <message>
        <source>selected %1</source>
        <translation>sélection de %1</translation>
    </message>
    <message>
        <source>breakpoint %1 set</source>
        <translation>point d&apos;arrêt %1 posé</translation>
    </message>
    <message>
        <source>breakpoint %1 hit at %2</source>
        <translation>point d&apos;arrêt %1 atteint en %2</translation>
    </message>
    <message>
        <source>answered %1: %2</source>
        <translation>réponse à %1 : %2</translation>
    </message>
    <message>
        <source>radius</source>
        <translation>radius</translation>
    </message>
    <message>
        <source>Auth.</source>
        <comment>short for Authenticator in a table column</comment>
        <translation>Auth.</translation>
    </message>
    <message>
        <source>Peer</source>
        <comment>short for Peer in a table column</comment>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Engine</source>
        <comment>short for Engine in a table column</comment>
        <translation>Moteur</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::Breakpoint</name>
    <message>
        <source>entry point %1</source>
        <translation>point d&apos;entrée %1</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>action %1</translation>
    </message>
    <message>
        <source>packet code %1</source>
        <translation>code de paquet %1</translation>
    </message>
    <message>
        <source>packet type %1</source>
        <translation>type de paquet %1</translation>
    </message>
    <message>
        <source>finding %1</source>
        <translation>constat %1</translation>
    </message>
    <message>
        <source>live heap above %1 bytes</source>
        <translation>tas vivant au-delà de %1 octets</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::BreakpointDialog</name>
    <message>
        <source>Breakpoints</source>
        <translation>Points d&apos;arrêt</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>Point d&apos;entrée</translation>
    </message>
    <message>
        <source>Action (number)</source>
        <translation>Action (numéro)</translation>
    </message>
    <message>
        <source>Packet code</source>
        <translation>Code de paquet</translation>
    </message>
    <message>
        <source>Packet type</source>
        <translation>Type de paquet</translation>
    </message>
    <message>
        <source>Finding rule</source>
        <translation>Règle de constat</translation>
    </message>
    <message>
        <source>Context live heap above (bytes)</source>
        <translation>Tas vivant du contexte au-delà de (octets)</translation>
    </message>
    <message>
        <source>number, or rule id such as HEAP_LEAK</source>
        <translation>numéro, ou identifiant de règle comme HEAP_LEAK</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::CertificateDialog</name>
    <message>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Envoyé par</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Alternative names</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valide du</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valide jusqu’au</translation>
    </message>
    <message>
        <source>At capture time</source>
        <translation>Au moment de la capture</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Save as PEM…</source>
        <translation>Enregistrer en PEM…</translation>
    </message>
    <message>
        <source>the server, in frame %1</source>
        <translation>le serveur, trame %1</translation>
    </message>
    <message>
        <source>the device (peer), in frame %1</source>
        <translation>l’appareil (pair), trame %1</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation> (auto-signé)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>valid on %1</source>
        <translation>valide le %1</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#c62828&quot;&gt;EXPIRED&lt;/b&gt; on %1, before the capture (%2)</source>
        <translation>&lt;b style=&quot;color:#c62828&quot;&gt;EXPIRÉ&lt;/b&gt; le %1, avant la capture (%2)</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:#c62828&quot;&gt;NOT YET VALID&lt;/b&gt; at the capture (%1); valid from %2</source>
        <translation>&lt;b style=&quot;color:#c62828&quot;&gt;PAS ENCORE VALIDE&lt;/b&gt; lors de la capture (%1) ; valide à partir du %2</translation>
    </message>
    <message>
        <source> — weak: %1</source>
        <translation> — faible : %1</translation>
    </message>
    <message>
        <source>No certificate selected.</source>
        <translation>Aucun certificat sélectionné.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save certificate as PEM</source>
        <translation>Enregistrer le certificat en PEM</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>Certificats PEM (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Enregistrer le certificat</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ContextsDock</name>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>EAP type %1</source>
        <translation>Type EAP %1</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportations</translation>
    </message>
    <message>
        <source>authenticator and peer</source>
        <translation>authentificateur et pair</translation>
    </message>
    <message>
        <source>authenticator</source>
        <translation>authentificateur</translation>
    </message>
    <message>
        <source>peer</source>
        <translation>pair</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>cannot be loaded</source>
        <translation>ne peut pas être chargée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>loaded on its first call (F10)</source>
        <translation>chargée à son premier appel (F10)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ContextsModel</name>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Work buffer</source>
        <translation>Tampon de travail</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Live heap</source>
        <translation>Tas vivant</translation>
    </message>
    <message>
        <source>Leaked</source>
        <translation>Fuite</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n block(s)</source>
        <translation>
            <numerusform>%1 en %n bloc</numerusform>
            <numerusform>%1 en %n blocs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ConversationsDock</name>
    <message>
        <source>server: %1</source>
        <translation>serveur : %1</translation>
    </message>
    <message>
        <source>device: %1</source>
        <translation>appareil : %1</translation>
    </message>
    <message>
        <source> — expired</source>
        <translation> — expiré</translation>
    </message>
    <message>
        <source> — not yet valid</source>
        <translation> — pas encore valide</translation>
    </message>
    <message>
        <source>View certificate…</source>
        <translation>Voir le certificat…</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Toutes les conversations</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>E&amp;xporter le rapport…</translation>
    </message>
    <message>
        <source>Write a self-contained HTML report of the capture&apos;s diagnosis for a ticket</source>
        <translation>Écrire un rapport HTML autonome du diagnostic de la capture pour un ticket</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trame</translation>
    </message>
    <message>
        <source>Certificates sent in clear:</source>
        <translation>Certificats envoyés en clair :</translation>
    </message>
    <message>
        <source>Open a capture first: the report describes a capture&apos;s conversations.</source>
        <translation>Ouvrez d’abord une capture : le rapport décrit les conversations d’une capture.</translation>
    </message>
    <message>
        <source>EapScope %1</source>
        <translation>EapScope %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>Pages HTML (*.html)</translation>
    </message>
    <message>
        <source>Open a capture to see why its conversations succeeded or failed.</source>
        <translation>Ouvrez une capture pour voir pourquoi ses conversations ont réussi ou échoué.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s): select one to see why it ended as it did.</source>
        <translation>
            <numerusform>%n conversation : choisissez-la pour voir comment elle s’est terminée.</numerusform>
            <numerusform>%n conversations : choisissez-en une pour voir comment elle s’est terminée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation %1: &lt;b style=&quot;color:%2&quot;&gt;%3&lt;/b&gt;</source>
        <translation>Conversation %1 : &lt;b style=&quot;color:%2&quot;&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No reason to report.</source>
        <translation>Rien à signaler.</translation>
    </message>
    <message>
        <source>TLS 1.3: the certificates travel encrypted and cannot be shown.</source>
        <translation>TLS 1.3 : les certificats circulent chiffrés et ne peuvent pas être affichés.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Que faire : %1</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ConversationsModel</name>
    <message>
        <source>EAPOL</source>
        <translation>EAPOL</translation>
    </message>
    <message>
        <source>RADIUS</source>
        <translation>RADIUS</translation>
    </message>
    <message>
        <source>PPP</source>
        <translation>PPP</translation>
    </message>
    <message>
        <source>PANA</source>
        <translation>PANA</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (not agreed)</source>
        <translation>%1 (non convenu)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>success</source>
        <translation>succès</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplète</translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Authenticator ↔ peer</source>
        <translation>Authentificateur ↔ pair</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Start (s)</source>
        <translation>Début (s)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>Allers-retours</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::EventTableDock</name>
    <message>
        <source>All sides</source>
        <translation>Tous les côtés</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les genres</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Paquets</translation>
    </message>
    <message>
        <source>Heap</source>
        <translation>Tas</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>States and timers</source>
        <translation>États et minuteries</translation>
    </message>
    <message>
        <source>Filter text…</source>
        <translation>Filtrer le texte…</translation>
    </message>
    <message>
        <source>All contexts</source>
        <translation>Tous les contextes</translation>
    </message>
    <message>
        <source>RADIUS packets</source>
        <translation>Paquets RADIUS</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::EventTableModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>Point d&apos;entrée</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Packet / detail</source>
        <translation>Paquet / détail</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>work buffer %1</source>
        <translation>tampon de travail %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>nouvel essai %1</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Trame</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>→A</source>
        <translation>→A</translation>
    </message>
    <message>
        <source>→P</source>
        <translation>→P</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::FindingsDock</name>
    <message>
        <source>Select a finding to see what the rule means.</source>
        <translation>Sélectionnez un constat pour voir ce que signifie la règle.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Rule:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Severity:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reference:&lt;/b&gt; %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Règle :&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gravité :&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Référence :&lt;/b&gt; %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Bytes:&lt;/b&gt; %1</source>
        <translation>&lt;p&gt;&lt;b&gt;Octets :&lt;/b&gt; %1</translation>
    </message>
    <message numerus="yes">
        <source> in %n block(s)</source>
        <translation>
            <numerusform> en %n bloc</numerusform>
            <numerusform> en %n blocs</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Signal:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Signal :&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::FindingsModel</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Côté</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>n° %1 %2</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::InjectPacketDialog</name>
    <message>
        <source>Inject packet</source>
        <translation>Injecter un paquet</translation>
    </message>
    <message>
        <source>1 Request</source>
        <translation>1 Requête (Request)</translation>
    </message>
    <message>
        <source>2 Response</source>
        <translation>2 Réponse (Response)</translation>
    </message>
    <message>
        <source>3 Success</source>
        <translation>3 Succès (Success)</translation>
    </message>
    <message>
        <source>4 Failure</source>
        <translation>4 Échec (Failure)</translation>
    </message>
    <message>
        <source>type-data in hex, e.g. 10 00112233445566778899aabbccddeeff</source>
        <translation>type-data en hexadécimal, p. ex. 10 00112233445566778899aabbccddeeff</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Type-Data (hex)</source>
        <translation>Type-Data (hex)</translation>
    </message>
    <message>
        <source>Compose into hex</source>
        <translation>Composer en hexadécimal</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Packet bytes (hex; edit freely, this is what is sent):</source>
        <translation>Octets du paquet (hex ; modifiables librement, c’est ce qui est envoyé) :</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>EapScope shows the chosen language from its next start.</source>
        <translation>EapScope affichera la langue choisie à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonChooser</name>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
    <message>
        <source>Your name (your values differ from your neighbours&apos;)</source>
        <translation>Votre nom (vos valeurs diffèrent de celles de vos voisins)</translation>
    </message>
    <message>
        <source>&amp;Reset progress</source>
        <translation>&amp;Réinitialiser la progression</translation>
    </message>
    <message>
        <source>&amp;Learner:</source>
        <translation>&amp;Apprenant :</translation>
    </message>
    <message>
        <source>Reset progress</source>
        <translation>Réinitialiser la progression</translation>
    </message>
    <message>
        <source>Forget your progress in this lesson?</source>
        <translation>Oublier votre progression dans cette leçon ?</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonDock</name>
    <message>
        <source>&amp;Reveal the answer</source>
        <translation>&amp;Révéler la réponse</translation>
    </message>
    <message>
        <source>&amp;Hint</source>
        <translation>&amp;Indice</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>Re&amp;venir</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Check the answer, or whether the session already shows what the task asks</source>
        <translation>Vérifier la réponse, ou si la session montre déjà ce que la tâche demande</translation>
    </message>
    <message>
        <source>Go back to the state where this task starts</source>
        <translation>Revenir à l’état où cette tâche commence</translation>
    </message>
    <message>
        <source>Move on once this task is done</source>
        <translation>Passer à la suite une fois cette tâche faite</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>Indice : %1</translation>
    </message>
    <message>
        <source>No lesson: choose one in Help → Lessons…</source>
        <translation>Aucune leçon : choisissez-en une dans Aide → Leçons…</translation>
    </message>
    <message>
        <source>Task %1 of %2: %3</source>
        <translation>Tâche %1 sur %2 : %3</translation>
    </message>
    <message>
        <source>Select the packet in the events or the timeline, then Check</source>
        <translation>Sélectionnez le paquet dans les événements ou la chronologie, puis Vérifier</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Fait. %1</translation>
    </message>
    <message>
        <source>You have left the point where this task starts. Restore brings you back there.</source>
        <translation>Vous avez quitté le point où cette tâche commence. Revenir vous y ramène.</translation>
    </message>
    <message>
        <source>Done. %1
Lesson complete: every task is done.</source>
        <translation>Fait. %1
Leçon terminée : toutes les tâches sont faites.</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 tasks done</source>
        <translation>
            <numerusform>%n tâche faite sur %1</numerusform>
            <numerusform>%n tâches faites sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No learner name: you have the values of every unnamed learner. Give your name in Help → Lessons… to get your own.</source>
        <translation>Pas de nom d&apos;apprenant : vous avez les valeurs de tous les apprenants sans nom. Donnez votre nom dans Aide → Leçons… pour avoir les vôtres.</translation>
    </message>
    <message>
        <source>Learner: %1</source>
        <translation>Apprenant : %1</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonListModel</name>
    <message>
        <source>%1 (cannot be read)</source>
        <translation>%1 (illisible)</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 sur %2 faites</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Your progress</source>
        <translation>Votre progression</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonSession</name>
    <message>
        <source>That is not what the session shows. Look again, or ask for a hint.</source>
        <translation>Ce n’est pas ce que montre la session. Regardez à nouveau, ou demandez un indice.</translation>
    </message>
    <message>
        <source>Not yet: the session does not show it. Keep going, or ask for a hint.</source>
        <translation>Pas encore : la session ne le montre pas. Continuez, ou demandez un indice.</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonTaskModel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n hint(s) used</source>
        <translation>
            <numerusform>%n indice utilisé</numerusform>
            <numerusform>%n indices utilisés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>eapscope::ui::LessonUi</name>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>&amp;Lessons…</source>
        <translation>&amp;Leçons…</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>Mode &amp;présentateur</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Tâche suivante</translation>
    </message>
    <message>
        <source>Previous task</source>
        <translation>Tâche précédente</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Leçons</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::MainWindow</name>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Packet inspector</source>
        <translation>Inspecteur de paquets</translation>
    </message>
    <message>
        <source>Methods and contexts</source>
        <translation>Méthodes et contextes</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>&amp;Open session or capture…</source>
        <translation>&amp;Ouvrir session ou capture…</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>&amp;Enregistrer la session</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>Enregistrer la session &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nouvelle session…</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>Pas &amp;suivant</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Redémarrer</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>Pas &amp;précédent</translation>
    </message>
    <message>
        <source>Fire &amp;timeout</source>
        <translation>Expirer le &amp;délai</translation>
    </message>
    <message>
        <source>&amp;Inject packet…</source>
        <translation>&amp;Injecter un paquet…</translation>
    </message>
    <message>
        <source>Toggle &amp;breakpoint</source>
        <translation>Point d&apos;arrê&amp;t oui/non</translation>
    </message>
    <message>
        <source>Break&amp;points…</source>
        <translation>Poi&amp;nts d&apos;arrêt…</translation>
    </message>
    <message>
        <source>&amp;Fit timeline</source>
        <translation>&amp;Ajuster la chronologie</translation>
    </message>
    <message>
        <source>&amp;About EapScope</source>
        <translation>À &amp;propos d’EapScope</translation>
    </message>
    <message>
        <source>About EapScope</source>
        <translation>À propos d’EapScope</translation>
    </message>
    <message>
        <source>EapScope %1 — a debugger for RAS EAP methods.</source>
        <translation>EapScope %1 — un débogueur de méthodes EAP RAS.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêté : %1</translation>
    </message>
    <message>
        <source>Step back (Shift+F10)</source>
        <translation>Pas précédent (Maj+F10)</translation>
    </message>
    <message>
        <source>Step back is unavailable: %1</source>
        <translation>Pas précédent indisponible : %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Waiting for a packet or a timeout</source>
        <translation>En attente d’un paquet ou d’un délai expiré</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Viewing a recorded session</source>
        <translation>Consultation d’une session enregistrée</translation>
    </message>
    <message>
        <source> — step back unavailable: %1</source>
        <translation> — pas précédent indisponible : %1</translation>
    </message>
    <message>
        <source>EapScope</source>
        <translation>EapScope</translation>
    </message>
    <message>
        <source>%1 — EapScope</source>
        <translation>%1 — EapScope</translation>
    </message>
    <message>
        <source>Breakpoint set on %1</source>
        <translation>Point d&apos;arrêt posé sur %1</translation>
    </message>
    <message>
        <source>Breakpoint removed from %1</source>
        <translation>Point d&apos;arrêt retiré de %1</translation>
    </message>
    <message>
        <source>Open session or capture</source>
        <translation>Ouvrir une session ou une capture</translation>
    </message>
    <message>
        <source>Sessions and captures (*.eapscope *.pcap *.pcapng *.cap *.gz);;EapScope sessions (*.eapscope);;Captures (*.pcap *.pcapng *.cap *.gz);;All files (*)</source>
        <translation>Sessions et captures (*.eapscope *.pcap *.pcapng *.cap *.gz);;Sessions EapScope (*.eapscope);;Captures (*.pcap *.pcapng *.cap *.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Enregistrer la session</translation>
    </message>
    <message>
        <source>EapScope sessions (*.eapscope)</source>
        <translation>Sessions EapScope (*.eapscope)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>&amp;Step axis (every call the same width)</source>
        <translation>Axe des &amp;pas (chaque appel de même largeur)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Close EapScope</source>
        <translation>Fermer EapScope</translation>
    </message>
    <message numerus="yes">
        <source>This session produced %n finding(s) and is not saved.</source>
        <translation>
            <numerusform>Cette session a produit %n constat et n’est pas enregistrée.</numerusform>
            <numerusform>Cette session a produit %n constats et n’est pas enregistrée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its recording is deleted when the window closes.</source>
        <translation>Son enregistrement est supprimé à la fermeture de la fenêtre.</translation>
    </message>
    <message>
        <source>Recover session</source>
        <translation>Récupérer la session</translation>
    </message>
    <message>
        <source>EapScope ended without closing a session last recorded on %1.</source>
        <translation>EapScope s’est arrêté sans fermer une session enregistrée pour la dernière fois le %1.</translation>
    </message>
    <message>
        <source>no method loaded</source>
        <translation>aucune méthode chargée</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n événement</numerusform>
            <numerusform>%n événements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n constat</numerusform>
            <numerusform>%n constats</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3.
Save the recording to open it again?</source>
        <translation>%1 : %2, %3.
Sauvegarder cet enregistrement pour le rouvrir ?</translation>
    </message>
    <message>
        <source>Save and open…</source>
        <translation>Enregistrer et ouvrir…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Ask again next time</source>
        <translation>Redemander au prochain démarrage</translation>
    </message>
    <message>
        <source>Save recovered session</source>
        <translation>Enregistrer la session récupérée</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 n’a pas pu être enregistré : %2</translation>
    </message>
    <message>
        <source>&amp;Finish serving</source>
        <translation>&amp;Terminer le service</translation>
    </message>
    <message>
        <source>Stop serving supplicants: conversations in progress end with RasEapEnd, the session stays to inspect and save</source>
        <translation>Ne plus servir de supplicants : les conversations en cours se terminent par RasEapEnd, la session reste pour l’examiner et l’enregistrer</translation>
    </message>
    <message>
        <source>Serving RADIUS on %1: answering supplicants</source>
        <translation>Serveur RADIUS sur %1 : répond aux supplicants</translation>
    </message>
    <message>
        <source>Serving RADIUS on %1: paused, requests wait until Continue (F5)</source>
        <translation>Serveur RADIUS sur %1 : en pause, les requêtes attendent Continuer (F5)</translation>
    </message>
    <message>
        <source>Finished serving on %1</source>
        <translation>Service terminé sur %1</translation>
    </message>
    <message>
        <source>New</source>
        <comment>toolbar</comment>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>toolbar</comment>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Save</source>
        <comment>toolbar</comment>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Step</source>
        <comment>toolbar</comment>
        <translation>Pas suivant</translation>
    </message>
    <message>
        <source>Continue</source>
        <comment>toolbar</comment>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Stop</source>
        <comment>toolbar</comment>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Finish serving</source>
        <comment>toolbar</comment>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Step back</source>
        <comment>toolbar</comment>
        <translation>Pas arrière</translation>
    </message>
    <message>
        <source>Restart</source>
        <comment>toolbar</comment>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Timeout</source>
        <comment>toolbar</comment>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Inject</source>
        <comment>toolbar</comment>
        <translation>Injecter</translation>
    </message>
    <message>
        <source>Breakpoint</source>
        <comment>toolbar</comment>
        <translation>Point d’arrêt</translation>
    </message>
    <message>
        <source>Step axis</source>
        <comment>toolbar</comment>
        <translation>Axe des pas</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>tooltip: action and its key</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Restart session</source>
        <translation>Redémarrer la session</translation>
    </message>
    <message>
        <source>Its recording is deleted when the session restarts.</source>
        <translation>Son enregistrement est supprimé quand la session redémarre.</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Its recording is deleted when the new session starts.</source>
        <translation>Son enregistrement est supprimé quand la nouvelle session démarre.</translation>
    </message>
    <message>
        <source>Its recording is deleted when the file opens.</source>
        <translation>Son enregistrement est supprimé quand le fichier s’ouvre.</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::PacketFieldModel</name>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>%1 — bytes %2..%3</source>
        <translation>%1 — octets %2..%3</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::PacketInspector</name>
    <message>
        <source>No packet selected. Select a call or a packet event.</source>
        <translation>Aucun paquet sélectionné. Sélectionnez un appel ou un événement de paquet.</translation>
    </message>
    <message>
        <source>Anomalies: %1</source>
        <translation>Anomalies : %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 bytes) — sent by %3, received by %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 octets) — envoyé par %3, reçu par %4</translation>
    </message>
    <message>
        <source>the authenticator</source>
        <translation>l’authentificateur</translation>
    </message>
    <message>
        <source>the peer</source>
        <translation>le pair</translation>
    </message>
    <message>
        <source>the authenticator %1</source>
        <translation>l’authentificateur %1</translation>
    </message>
    <message>
        <source>the peer %1</source>
        <translation>le pair %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 bytes) — frame %3, sent by %4, received by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 octets) — trame %3, envoyé par %4, reçu par %5</translation>
    </message>
    <message>
        <source>from %1 to the NAS</source>
        <translation>de %1 vers le NAS</translation>
    </message>
    <message>
        <source>from the NAS to %1</source>
        <translation>du NAS vers %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 bytes) — RADIUS, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 octets) — RADIUS, %3</translation>
    </message>
    <message>
        <source>, retransmission %1</source>
        <translation>, retransmission %1</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::ReplayDialog</name>
    <message>
        <source>Replay a captured conversation</source>
        <translation>Rejouer une conversation capturée</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Authenticator</source>
        <translation>Authentificateur</translation>
    </message>
    <message>
        <source>Library…</source>
        <translation>Bibliothèque…</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Fichier de capture</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Method plays</source>
        <translation>La méthode joue</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Rejouer</translation>
    </message>
    <message>
        <source>%1  %2  %3 ↔ %4  %5  %6</source>
        <translation>%1  %2  %3 ↔ %4  %5  %6</translation>
    </message>
    <message>
        <source>no EAP conversation in this capture</source>
        <translation>aucune conversation EAP dans cette capture</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Method library</source>
        <translation>Bibliothèque de méthode</translation>
    </message>
    <message>
        <source>Method libraries (*.so *.dll);;All files (*)</source>
        <translation>Bibliothèques de méthode (*.so *.dll);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Replay…</source>
        <translation>Re&amp;jouer…</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::SessionController</name>
    <message>
        <source>nothing to step back to yet</source>
        <translation>rien avant ce point pour le moment</translation>
    </message>
    <message>
        <source>finding %1</source>
        <translation>constat %1</translation>
    </message>
    <message>
        <source>nothing to step back to</source>
        <translation>rien avant ce point</translation>
    </message>
    <message>
        <source>The view lost track of the session; restart it.</source>
        <translation>La vue a perdu le fil de la session ; redémarrez-la.</translation>
    </message>
    <message>
        <source>The %1 method %2 in %3: %4. The session cannot go on; Restart (Ctrl+R) starts over.</source>
        <translation>La méthode %1 %2 dans %3 : %4. La session ne peut pas continuer ; Redémarrer (Ctrl+R) la reprend depuis le début.</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>a planté</translation>
    </message>
    <message>
        <source>hung</source>
        <translation>ne répond plus</translation>
    </message>
    <message>
        <source>Recording failed: %1</source>
        <translation>Échec de l’enregistrement : %1</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>Rien n’a encore été exécuté.</translation>
    </message>
    <message>
        <source>a recorded session cannot be stepped</source>
        <translation>une session enregistrée ne s’exécute pas pas à pas</translation>
    </message>
    <message>
        <source>Only a live session is saved; an opened file is already on disk.</source>
        <translation>Seule une session en direct s’enregistre ; un fichier ouvert est déjà sur le disque.</translation>
    </message>
    <message>
        <source>the folder cannot be written</source>
        <translation>le dossier n’est pas accessible en écriture</translation>
    </message>
    <message>
        <source>This session is not recorded in %1: %2</source>
        <translation>Cette session n’est pas enregistrée dans %1 : %2</translation>
    </message>
    <message>
        <source>A RADIUS server plays the authenticator: choose the peer method to test.</source>
        <translation>Un serveur RADIUS joue l’authentificateur : choisissez la méthode pair à tester.</translation>
    </message>
    <message>
        <source>Give the shared secret this NAS has with the RADIUS server: a server drops requests it cannot authenticate without a word.</source>
        <translation>Indiquez le secret partagé entre ce NAS et le serveur RADIUS : un serveur ignore sans rien dire les requêtes qu’il ne peut pas authentifier.</translation>
    </message>
    <message>
        <source>Real supplicants play the peer: choose the authenticator method to test.</source>
        <translation>De vrais supplicants jouent le pair : choisissez la méthode authentificateur à tester.</translation>
    </message>
    <message>
        <source>Give the shared secret of the NASes that will connect: requests signed with another secret are dropped.</source>
        <translation>Indiquez le secret partagé des NAS qui vont se connecter : les requêtes signées avec un autre secret sont ignorées.</translation>
    </message>
    <message>
        <source>RADIUS server listening on %1: Continue (F5) answers supplicants until Stop.</source>
        <translation>Serveur RADIUS à l’écoute sur %1 : Continuer (F5) répond aux supplicants jusqu’à Arrêter.</translation>
    </message>
    <message>
        <source>Serving paused: requests wait in the socket until Continue.</source>
        <translation>Service en pause : les requêtes attendent dans la socket jusqu’à Continuer.</translation>
    </message>
    <message>
        <source>Stepped back: a RADIUS server cannot be stepped back, so the conversation with %1 was restarted and re-run to call %2.</source>
        <translation>Pas précédent : un serveur RADIUS ne revient pas en arrière, la conversation avec %1 a donc été recommencée et rejouée jusqu’à l’appel %2.</translation>
    </message>
    <message>
        <source>Could not step back to call %1: the conversation with %2 was restarted, but the re-run ended after %3 calls (the server answered differently this time).</source>
        <translation>Impossible de revenir à l’appel %1 : la conversation avec %2 a été recommencée, mais la nouvelle exécution s’est terminée après %3 appels (le serveur a répondu autrement cette fois).</translation>
    </message>
    <message>
        <source>Finished serving on %1: %2 conversations, %3 of them ended in progress (RasEapEnd). Save keeps the session.</source>
        <translation>Service terminé sur %1 : %2 conversations, dont %3 terminées en cours (RasEapEnd). Enregistrer conserve la session.</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::SessionFileLoader</name>
    <message>
        <source>%1: %2</source>
        <comment>a file, what is wrong with it</comment>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::SessionSetupDialog</name>
    <message>
        <source>Interleave contexts (round robin) instead of one after another</source>
        <translation>Entrelacer les contextes (tourniquet) au lieu de les enchaîner</translation>
    </message>
    <message>
        <source>Run methods in an isolated host process (crash isolation, step back)</source>
        <translation>Exécuter les méthodes dans un processus hôte isolé (plantages isolés, pas précédent)</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>(counterpart plays this side)</source>
        <translation>(la contrepartie joue ce côté)</translation>
    </message>
    <message>
        <source>Loopback (a method on each side)</source>
        <translation>Boucle locale (une méthode de chaque côté)</translation>
    </message>
    <message>
        <source>Manual (I compose the other side&apos;s packets)</source>
        <translation>Manuel (je compose les paquets de l&apos;autre côté)</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>Remove user</source>
        <translation>Retirer l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Authenticator method</source>
        <translation>Méthode de l&apos;authentificateur</translation>
    </message>
    <message>
        <source>Peer method</source>
        <translation>Méthode du pair</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>Contrepartie</translation>
    </message>
    <message>
        <source>Peer identity</source>
        <translation>Identité du pair</translation>
    </message>
    <message>
        <source>Peer password</source>
        <translation>Mot de passe du pair</translation>
    </message>
    <message>
        <source>Back-end users</source>
        <translation>Utilisateurs du serveur d’authentification</translation>
    </message>
    <message>
        <source>Contexts per side</source>
        <translation>Contextes par côté</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>The method&apos;s type, roles and exports appear in the Methods dock once the first step loads it (in the isolated host).</source>
        <translation>Le type, les rôles et les exportations de la méthode apparaissent dans le panneau Méthodes dès que le premier pas la charge (dans l&apos;hôte isolé).</translation>
    </message>
    <message>
        <source>Library file…</source>
        <translation>Fichier de bibliothèque…</translation>
    </message>
    <message>
        <source>EAP method library</source>
        <translation>Bibliothèque de méthode EAP</translation>
    </message>
    <message>
        <source>Method libraries (*.so *.dll);;All files (*)</source>
        <translation>Bibliothèques de méthode (*.so *.dll);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The counterpart plays this side.</source>
        <translation>La contrepartie joue ce côté.</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>Windows x64 DLL: it runs in eapscope-host.exe under Wine, always isolated</source>
        <translation>DLL Windows x64 : elle s’exécute dans eapscope-host.exe sous Wine, toujours isolée</translation>
    </message>
    <message>
        <source>Windows DLL for %1: EapScope runs Windows methods built for x64; build it for x64 (PE32+)</source>
        <translation>DLL Windows pour %1 : EapScope exécute les méthodes Windows compilées pour x64 ; compilez-la pour x64 (PE32+)</translation>
    </message>
    <message>
        <source>A Windows DLL always runs in the isolated Windows host (under Wine).</source>
        <translation>Une DLL Windows s’exécute toujours dans l’hôte Windows isolé (sous Wine).</translation>
    </message>
    <message>
        <source>RADIUS server (the peer method meets a real server; EapScope is the NAS)</source>
        <translation>Serveur RADIUS (la méthode pair affronte un vrai serveur ; EapScope est le NAS)</translation>
    </message>
    <message>
        <source>Real supplicants (the authenticator method serves RADIUS)</source>
        <translation>Vrais supplicants (la méthode authentificateur sert RADIUS)</translation>
    </message>
    <message>
        <source>the shared secret (kept out of recordings)</source>
        <translation>le secret partagé (exclu des enregistrements)</translation>
    </message>
    <message>
        <source>RADIUS server</source>
        <translation>Serveur RADIUS</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Écouter sur</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Secret partagé</translation>
    </message>
    <message>
        <source>The peer method authenticates against the RADIUS server at the address below, with the peer identity and password; the server&apos;s packets appear on its own lane. Step back restarts the conversation with the server.</source>
        <translation>La méthode pair s’authentifie auprès du serveur RADIUS à l’adresse ci-dessous, avec l’identité et le mot de passe du pair ; les paquets du serveur apparaissent sur sa propre ligne. Le pas précédent recommence la conversation avec le serveur.</translation>
    </message>
    <message>
        <source>The authenticator method answers real supplicants (eapol_test, a NAS) as a RADIUS server listening on the address below, checking the back-end users; each conversation arrives as a lane. Continue serves until Stop.</source>
        <translation>La méthode authentificateur répond à de vrais supplicants (eapol_test, un NAS) en serveur RADIUS à l’écoute à l’adresse ci-dessous, en vérifiant les utilisateurs du back-end ; chaque conversation arrive comme une ligne. Continuer sert jusqu’à Arrêter.</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::TimelineIndex</name>
    <message>
        <source>%1 #%2</source>
        <translation>%1 n° %2</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>%1 instance</source>
        <translation>%1 (instance)</translation>
    </message>
    <message>
        <source>Authenticator</source>
        <translation>Authentificateur</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>%1 (conversation %2)</source>
        <translation>%1 (conversation %2)</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::TimelinePainter</name>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <source>work buffer · %1</source>
        <translation>tampon de travail · %1</translation>
    </message>
    <message>
        <source>work buffer</source>
        <translation>tampon de travail</translation>
    </message>
    <message>
        <source>work buffer %1</source>
        <translation>tampon de travail %1</translation>
    </message>
    <message>
        <source>peak live %1</source>
        <translation>pic vivant %1</translation>
    </message>
    <message>
        <source>leak</source>
        <translation>fuite</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>Time (%1 shown)</source>
        <translation>Temps (%1 visibles)</translation>
    </message>
    <message>
        <source>Calls %1–%2</source>
        <translation>Appels %1–%2</translation>
    </message>
    <message>
        <source>Packets %1–%2</source>
        <translation>Paquets %1–%2</translation>
    </message>
    <message>
        <source>authenticator</source>
        <translation>authentificateur</translation>
    </message>
</context>
<context>
    <name>eapscope::ui::TimelineToolTip</name>
    <message>
        <source>no lane</source>
        <translation>aucune ligne</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>, took %1
returned %2</source>
        <translation>, a duré %1
a renvoyé %2</translation>
    </message>
    <message>
        <source>, action %1</source>
        <translation>, action %1</translation>
    </message>
    <message>
        <source>
still running</source>
        <translation>
en cours</translation>
    </message>
    <message>
        <source>Packet from %1 at %2</source>
        <translation>Paquet de %1 à %2</translation>
    </message>
    <message numerus="yes">
        <source>
%n byte(s)</source>
        <translation>
            <numerusform>
%n octet</numerusform>
            <numerusform>
%n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>, code %1, id %2</source>
        <translation>, code %1, id %2</translation>
    </message>
    <message>
        <source>, type %1</source>
        <translation>, type %1</translation>
    </message>
    <message>
        <source>Work buffer %1, %2 bytes</source>
        <translation>Tampon de travail %1, %2 octets</translation>
    </message>
    <message>
        <source>Block %1, %2 bytes</source>
        <translation>Bloc %1, %2 octets</translation>
    </message>
    <message>
        <source>
allocated at %1</source>
        <translation>
alloué à %1</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <source>
freed at %1</source>
        <translation>
libéré à %1</translation>
    </message>
    <message>
        <source>
leaked: never freed</source>
        <translation>
fuite : jamais libéré</translation>
    </message>
    <message>
        <source>
still live</source>
        <translation>
toujours vivant</translation>
    </message>
    <message>
        <source>Heap allocation at %1</source>
        <translation>Allocation sur le tas à %1</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>RADIUS packet on %1 at %2
%3</source>
        <translation>Paquet RADIUS sur %1 à %2
%3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A debugger for RAS EAP methods</source>
        <translation>Un débogueur de méthodes EAP RAS</translation>
    </message>
    <message>
        <source>Session file or capture (pcap, pcapng, optionally .gz) to open</source>
        <translation>Fichier de session ou capture (pcap, pcapng, éventuellement .gz) à ouvrir</translation>
    </message>
    <message>
        <source>Open the bundled lesson NAME (see eapscope-cli lesson list)</source>
        <translation>Ouvrir la leçon fournie NOM (voir eapscope-cli lesson list)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Your name in lessons: it chooses your values (kept for next time)</source>
        <translation>Votre nom dans les leçons : il choisit vos valeurs (gardé pour la prochaine fois)</translation>
    </message>
</context>
</TS>
