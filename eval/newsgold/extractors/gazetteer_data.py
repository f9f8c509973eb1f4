"""The word lists of the gazetteer baseline (English): places, nationalities, titles, suffixes."""

from __future__ import annotations

COUNTRIES: frozenset[str] = frozenset("""
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas
|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil
|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China
|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti
|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|England|Equatorial Guinea|Eritrea
|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada
|Guatemala|Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq
|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait
|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg
|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco
|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand
|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Northern Ireland|Norway|Oman|Pakistan|Palau
|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia
|Russian Federation|Rwanda|Samoa|San Marino|Saudi Arabia|Scotland|Senegal|Serbia|Seychelles
|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain
|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga
|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates
|United Kingdom|United States|United States of America|Uruguay|Uzbekistan|Vanuatu|Vatican
|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|UK|US|USA|U.S.|U.K.|UAE|Britain|Great Britain
|Gaza|West Bank|Crimea|Kosovo|Tibet|Greenland|Puerto Rico
""".replace("\n", "").split("|"))

#: Capitals and large cities that news writes about most (a deliberately short list).
CITIES: frozenset[str] = frozenset("""
Abu Dhabi|Addis Ababa|Amsterdam|Ankara|Athens|Baghdad|Bangkok|Beijing|Beirut|Berlin|Brussels
|Bucharest|Budapest|Buenos Aires|Cairo|Damascus|Delhi|Dhaka|Doha|Dubai|Dublin|Geneva|Hanoi
|Havana|Helsinki|Islamabad|Istanbul|Jakarta|Jerusalem|Kabul|Karachi|Kyiv|Kiev|Lagos|Lisbon
|London|Los Angeles|Madrid|Manila|Melbourne|Mexico City|Minsk|Moscow|Mumbai|Nairobi|New Delhi
|New York|Oslo|Ottawa|Paris|Prague|Pyongyang|Riyadh|Rome|Seoul|Shanghai|Singapore|Stockholm
|Sydney|Taipei|Tehran|Tel Aviv|Tokyo|Toronto|Vienna|Warsaw|Washington|Wellington
""".replace("\n", "").split("|"))

NATIONALITIES: frozenset[str] = frozenset("""
Afghan|Albanian|Algerian|American|Angolan|Arab|Argentine|Argentinian|Armenian|Asian|Australian
|Austrian|Azerbaijani|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Bulgarian
|Burmese|Cambodian|Cameroonian|Canadian|Chilean|Chinese|Colombian|Congolese|Croatian|Cuban
|Cypriot|Czech|Danish|Dutch|Ecuadorian|Egyptian|English|Eritrean|Estonian|Ethiopian|European
|Filipino|Finnish|French|Georgian|German|Ghanaian|Greek|Haitian|Hungarian|Icelandic|Indian
|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean
|Kurdish|Kuwaiti|Lebanese|Libyan|Lithuanian|Latvian|Malaysian|Mexican|Moldovan|Mongolian
|Moroccan|Nepali|Nigerian|Norwegian|Pakistani|Palestinian|Peruvian|Polish|Portuguese|Qatari
|Romanian|Russian|Rwandan|Saudi|Scottish|Senegalese|Serbian|Singaporean|Slovak|Slovenian|Somali
|Spanish|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Thai|Tunisian|Turkish|Ugandan|Ukrainian
|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|Western|Eastern|African
|Christian|Muslim|Jewish|Hindu|Buddhist|Catholic|Protestant|Sunni|Shia|Shiite|Democrat
|Democrats|Republican|Republicans|Conservative|Conservatives|Labour|Liberal|Liberals
|Americans|Britons|Russians|Chinese|Ukrainians|Israelis|Palestinians|Germans|Europeans
""".replace("\n", "").split("|"))

#: Continents, regions and natural features named without a suffix.
REGIONS: frozenset[str] = frozenset("""
Africa|Antarctica|Arctic|Asia|Europe|North America|South America|Latin America|Middle East
|Central Asia|Southeast Asia|East Asia|South Asia|Balkans|Caribbean|Mediterranean|Pacific
|Atlantic|Indian Ocean|Sahara|Himalayas|Alps|Amazon|Scandinavia|Baltic|Sahel|Siberia
|Black Sea|Red Sea|North Sea|South China Sea|Persian Gulf
""".replace("\n", "").split("|"))

#: Capitalised words before a name that make it a PERSON (the title is not part of the name).
TITLES: frozenset[str] = frozenset("""
President|Minister|Premier|Chancellor|Secretary|Senator|Sen|Rep|Representative|Governor|Gov
|Mayor|King|Queen|Prince|Princess|Pope|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|General|Gen
|Colonel|Col|Captain|Capt|Lieutenant|Lt|Sergeant|Sgt|Major|Admiral|Judge|Justice|Commissioner
|Ambassador|Envoy|Councillor|Councilor|Professor|Prof|Rev|Reverend|Father|Sheikh|Chairman
|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Leader|Director|Officer|Coach|Manager
|Inspector|Detective|Superintendent|Constable|Bishop|Archbishop|Cardinal|Rabbi|Imam|Emir
|Sultan|Speaker|Chief|Executive|CEO|Founder|Editor|Correspondent|Reporter|Analyst
""".replace("\n", "").split("|"))
#: Capitalised words that qualify a title ("Deputy Foreign Minister"); not names.
TITLE_MODIFIERS: frozenset[str] = frozenset("""
Deputy|Vice|Foreign|Prime|Interior|Defence|Defense|Finance|Health|Home|Trade|Justice|Energy
|Education|Economy|Environment|Transport|Culture|Agriculture|Senior|Junior|Acting|Former|First
|Assistant|Associate|Managing|Executive|State|General|Attorney|Supreme|High|Grand|Crown|Lord
|Local|Affairs|Political|Chief|Press|Digital|Opposition|Shadow|Labor|Labour|Cabinet|Ministry
""".replace("\n", "").split("|"))
#: Lower-case role nouns right before a name that make it a PERSON ("council leader X").
ROLE_NOUNS: frozenset[str] = frozenset("""
president|minister|leader|spokesman|spokeswoman|spokesperson|chief|director|mayor|senator
|governor|chairman|chairwoman|secretary|officer|professor|analyst|coach|manager|executive
|founder|owner|resident|engineer|lawyer|doctor|economist|actor|actress|singer|player|captain
|councillor|councilor|commissioner|ambassador|envoy|judge|prosecutor|official|researcher
|scientist|author|writer|editor|correspondent|reporter|chef|teacher|farmer|student|pastor
""".replace("\n", "").split("|"))

#: Final words of organisation names ("Wagner Group", "Bank of England").
ORG_SUFFIXES: frozenset[str] = frozenset("""
Ltd|Limited|Inc|Corp|Corporation|Company|Co|Group|Holdings|Partners|Ministry|Agency|Council
|Committee|Commission|University|College|School|Academy|Party|Bank|Organization|Organisation
|Association|Union|Federation|Foundation|Institute|Department|Office|Army|Navy|Police|Court
|Parliament|Assembly|Congress|Senate|Club|FC|Authority|Service|Services|Board|Trust|Fund|Society
|Network|Airlines|Airways|Motors|Industries|Technologies|Systems|Media|News|Times|Post|Herald
|Guardian|Press|Agency|Bureau|Forces|Guard|Alliance|Coalition|Front|Movement|Secretariat
|Cabinet|Government|Administration|Exchange|Reserve|Railways|Energy|Pharmaceuticals|Labs
|Studios|Records|Church|Hospital
""".replace("\n", "").split("|"))
FAC_SUFFIXES: frozenset[str] = frozenset("""
Airport|Bridge|Stadium|Arena|Station|Hotel|Tower|Square|Street|Road|Avenue|Highway|Hall|Palace
|Museum|Cathedral|Mosque|Temple|Centre|Center|Park|Port|Harbour|Harbor|Prison|Building|Dam
|Canal|Tunnel|Plaza|Castle|Gate|Wall|Library|Theatre|Theater
""".replace("\n", "").split("|"))
LOC_SUFFIXES: frozenset[str] = frozenset("""
River|Sea|Ocean|Mountains|Mountain|Mount|Lake|Valley|Island|Islands|Bay|Gulf|Coast|Desert
|Peninsula|Strait|Forest|Region|Province|Basin|Delta|Plateau|Highlands
""".replace("\n", "").split("|"))
EVENT_SUFFIXES: frozenset[str] = frozenset("""
War|Games|Olympics|Cup|Championship|Championships|Festival|Summit|Revolution|Election|Elections
|Crisis|Conference|Expo|Marathon|Grand Prix|Open|Tour|Week|Day
""".replace("\n", "").split("|"))
LAW_SUFFIXES: frozenset[str] = frozenset({
    "Act", "Treaty", "Accord", "Accords", "Convention", "Constitution", "Amendment",
})

#: Capitalised function words that begin sentences (never a name on their own).
SENTENCE_STARTERS: frozenset[str] = frozenset("""
The|A|An|In|On|At|But|And|Or|As|After|Before|While|When|Where|This|That|These|Those|It|Its|He
|She|They|We|I|You|His|Her|Their|Our|My|Although|Though|If|For|From|With|By|To|Of|Under|Over
|During|Since|Until|Despite|However|Meanwhile|Also|Yet|So|Then|There|Here|Some|Many|Most|All
|Both|Each|Every|No|Not|One|Two|Three|Last|Next|Now|Today|Yesterday|Tomorrow|According|Asked
|What|Who|Why|How|Which|Instead|Still|Even|Only|Just|More|Less|Other|Another|Such|About
|Share|Read|Also|Photo|Watch|Get|Sign|Subscribe|Follow|Click|By
""".replace("\n", "").split("|"))
#: Days and months: capitalised, never part of a name here (dates are not entities).
CALENDAR: frozenset[str] = frozenset("""
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May
|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept
|Oct|Nov|Dec
""".replace("\n", "").split("|"))
