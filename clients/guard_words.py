"""Ordinary Swedish words that clients choose as aliases ("Solen", "Björken", "Tomten").

An alias on this list is found by the guard as a "word", not a "name": ordinary prose that
uses the word as a word ("vi satt i solen") is not refused, the writer is asked to confirm
instead, and the confirmation is recorded (``clients/guard.py``). A real first or last name
is always a name, even when it is also a word. Lower case, indefinite and definite forms;
add words here as they turn up.
"""

from __future__ import annotations

_WORDS = """
sol solen måne månen stjärna stjärnan stjärnor himmel himlen moln molnet regn regnet snö snön
vind vinden storm stormen åska åskan blixt blixten dimma dimman frost frosten is isen dagg
daggen regnbåge regnbågen vår våren sommar sommaren höst hösten vinter vintern morgon morgonen
kväll kvällen natt natten dag dagen gryning gryningen skymning skymningen
björk björken ek eken gran granen tall tallen lind linden alm almen lönn lönnen asp aspen al
alen rönn rönnen hassel hasseln sälg sälgen pil pilen en enen ros rosen lilja liljan tulpan
tulpanen blåklint blåklinten vitsippa vitsippan blåsippa blåsippan prästkrage prästkragen
vallmo vallmon ljung ljungen mossa mossan lav laven svamp svampen kantarell kantarellen
blomma blomman blad bladet kvist kvisten gren grenen rot roten frö fröet äpple äpplet päron
päronet plommon plommonet körsbär körsbäret lingon lingonet blåbär blåbäret hallon hallonet
jordgubbe jordgubben smultron smultronet nypon nyponet
björn björnen varg vargen räv räven lo lodjur lodjuret älg älgen hjort hjorten rådjur
rådjuret hare haren ekorre ekorren igelkott igelkotten grävling grävlingen utter uttern bäver
bävern mus musen katt katten kisse kissen hund hunden valp valpen häst hästen ponny ponnyn
fisk fisken gädda gäddan abborre abborren lax laxen ål ålen säl sälen val valen
fågel fågeln örn örnen falk falken hök höken uggla ugglan kråka kråkan korp korpen skata
skatan trana tranan svan svanen gås gåsen and anden mås måsen trut truten sparv sparven
fink finken lärka lärkan näktergal näktergalen svala svalan duva duvan hackspett hackspetten
göken gök rödhake rödhaken koltrast koltrasten
fjäril fjärilen humla humlan bi biet myra myran nyckelpiga nyckelpigan trollslända
trollsländan
tomte tomten troll trollet älva älvan ängel ängeln drake draken jätte jätten prins prinsen
prinsessa prinsessan kung kungen drottning drottningen riddare riddaren pirat piraten
sjöman sjömannen kapten kaptenen
sten stenen klippa klippan berg berget fjäll fjället skog skogen äng ängen hav havet sjö
sjön å ån bäck bäcken älv älven strand stranden ö ön vik viken udde udden källa källan våg
vågen
ljus ljuset eld elden gnista gnistan glöd glöden skugga skuggan spegel spegeln nyckel nyckeln
ankare ankaret kompass kompassen fyr fyren båt båten skepp skeppet segel seglet tåg tåget
hjärta hjärtat själ själen dröm drömmen hopp hoppet glädje glädjen frid friden lugn lugnet
tystnad tystnaden tid tiden
silver silvret guld guldet koppar kopparn järn järnet pärla pärlan kristall kristallen
diamant diamanten rubin rubinen bärnsten bärnstenen
kaffe kaffet te teet honung honungen socker sockret kanel kanelen peppar pepparn salt saltet
bulle bullen kaka kakan
vän vännen kompis kompisen grannen granne gubben gubbe gumman gumma farfar farmor morfar
mormor
""".split()  # noqa: SIM905 - a word list reads better as text

ORDINARY_WORDS: frozenset[str] = frozenset(_WORDS)


def is_ordinary_word(term: str) -> bool:
    """``term`` (one word, any case) is an ordinary Swedish word on the list."""
    return term.strip().lower() in ORDINARY_WORDS
